package org.bangfu.shared;

/**
 * What an account may do in Bangfu. One role per account, so that nobody holds two of administrator,
 * security administrator and auditor (MLPS 三员分立). Labels come from the bundles ({@code role.NAME}).
 */
public enum Role {
    ADMIN,
    SECURITY,
    AUDITOR,
    DISTRICT,
    LEADER,
    STREET,
    TEAM_MEMBER,
    TEAM_LEADER;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A street officer works within one street. */
    public boolean needsStreet() {
        return this == STREET;
    }

    /** Team members and leaders work within one assistance team. */
    public boolean needsTeam() {
        return this == TEAM_MEMBER || this == TEAM_LEADER;
    }

    /** Role names as constants, for {@code @RolesAllowed} and request matchers. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String SECURITY = "SECURITY";
        public static final String AUDITOR = "AUDITOR";
        public static final String DISTRICT = "DISTRICT";
        public static final String LEADER = "LEADER";
        public static final String STREET = "STREET";
        public static final String TEAM_MEMBER = "TEAM_MEMBER";
        public static final String TEAM_LEADER = "TEAM_LEADER";

        private Names() {
        }
    }
}
