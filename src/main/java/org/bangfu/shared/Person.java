package org.bangfu.shared;

/**
 * Someone who did something, as people read it: the account's name and where they work (team or street name;
 * null for the district's roles). The process engine and scheduled jobs act as {@value #SYSTEM} or as no one.
 */
public record Person(String login, String name, Role role, String unit) {

    /** The actor the engine, jobs and start-up tasks record. */
    public static final String SYSTEM = "system";

    /** A login no account has (any more) stands for itself. */
    public static Person unknown(String login) {
        return new Person(login, login, null, null);
    }

    public boolean automatic() {
        return login == null || SYSTEM.equals(login);
    }

    /**
     * 系统自动 for the engine; otherwise the name with the team, street or role that tells namesakes apart, left
     * out where the name already says it.
     */
    public String shown(Texts texts) {
        if (automatic()) {
            return texts.get("person.automatic");
        }
        String where = unit != null ? unit : role != null ? texts.get("role." + role.name()) : null;
        return where == null || name.contains(where) ? name : texts.get("person.at", name, where);
    }
}
