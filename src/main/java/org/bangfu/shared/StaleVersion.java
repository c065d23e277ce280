package org.bangfu.shared;

/**
 * Someone else changed the record since the caller read it, so nothing was overwritten: 409 over REST, with
 * {@link #messageKey()} in the caller's language and, when known, the version the record has now.
 */
public abstract class StaleVersion extends RuntimeException {

    private final String messageKey;
    private final Integer currentVersion;

    protected StaleVersion(String what, String messageKey, Integer currentVersion) {
        super(what + " was changed meanwhile" + (currentVersion == null ? "" : " (now version " + currentVersion + ")"));
        this.messageKey = messageKey;
        this.currentVersion = currentVersion;
    }

    /** The message the caller reads. */
    public String messageKey() {
        return messageKey;
    }

    /** The record's version now; null when the change was to several records. */
    public Integer currentVersion() {
        return currentVersion;
    }
}
