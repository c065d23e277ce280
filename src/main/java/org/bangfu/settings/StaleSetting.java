package org.bangfu.settings;

/** The setting was changed by someone else since the caller read it: nothing was changed. */
public class StaleSetting extends RuntimeException {

    private final int currentVersion;

    StaleSetting(String key, int currentVersion) {
        super("setting " + key + " changed meanwhile; now version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
