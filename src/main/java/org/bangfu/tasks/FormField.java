package org.bangfu.tasks;

import java.util.List;

/**
 * One field of a step's form, as the UI and the REST API present it. Labels come from the bundles:
 * {@code form.field.NAME}, and for choices {@code form.choice.NAME.VALUE}. {@code codeList} names the code
 * list of a CODE or CODES field; a PHOTOS field takes the ids of attachments of the household; {@code requiredWhen} lists the decisions under which an otherwise optional
 * field is required.
 */
public record FormField(String name, Type type, boolean required, List<String> choices, String codeList,
        List<String> requiredWhen) {

    /** The name of the field in which a step's form says what was decided; the process branches on it. */
    public static final String DECISION = "decision";

    public enum Type {
        DATE, TEXT, TEXTAREA, INTEGER, CHOICE, CODE, CODES, TEAM,
        /** Photos taken on the step: ids of the household's attachments, uploaded first (e.g. a visit photo). */
        PHOTOS,
        /** An amount in yuan with at most two decimals, e.g. 「12,000.50」. */
        MONEY
    }

    public static FormField required(String name, Type type) {
        return new FormField(name, type, true, List.of(), null, List.of());
    }

    public static FormField optional(String name, Type type) {
        return new FormField(name, type, false, List.of(), null, List.of());
    }

    public static FormField decision(String... choices) {
        return new FormField(DECISION, Type.CHOICE, true, List.of(choices), null, List.of());
    }

    public static FormField requiredWhen(String name, Type type, String... decisions) {
        return new FormField(name, type, false, List.of(), null, List.of(decisions));
    }

    public static FormField codes(String name, boolean required, String codeList, boolean many) {
        return new FormField(name, many ? Type.CODES : Type.CODE, required, List.of(), codeList, List.of());
    }
}
