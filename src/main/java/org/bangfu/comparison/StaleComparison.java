package org.bangfu.comparison;

/** Someone else changed the rule or resolved the warning meanwhile; nothing was saved. */
public class StaleComparison extends RuntimeException {

    private final String messageKey;

    StaleComparison(String messageKey) {
        super("changed meanwhile");
        this.messageKey = messageKey;
    }

    /** The message for the user. */
    public String messageKey() {
        return messageKey;
    }
}
