package org.bangfu.shared;

import java.util.Map;

/**
 * Someone else changed the record since the caller read it, so nothing was overwritten: 409 over REST, with
 * {@link #messageKey()} in the caller's language and, when known, the version the record has now.
 */
public abstract class StaleVersion extends Conflict {

    private final Integer currentVersion;

    protected StaleVersion(String what, String messageKey, Integer currentVersion) {
        super(what + " was changed meanwhile" + (currentVersion == null ? "" : " (now version " + currentVersion + ")"),
                messageKey);
        this.currentVersion = currentVersion;
    }

    /** The record's version now; null when the change was to several records. */
    public Integer currentVersion() {
        return currentVersion;
    }

    @Override
    public Map<String, Object> properties() {
        return currentVersion == null ? Map.of() : Map.of("currentVersion", currentVersion);
    }
}
