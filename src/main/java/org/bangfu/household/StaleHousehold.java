package org.bangfu.household;

/** Someone else saved the same file (or member) since it was read: nothing was overwritten. */
public class StaleHousehold extends RuntimeException {

    private final int currentVersion;

    StaleHousehold(String what, int currentVersion) {
        super(what + " was changed by someone else (now version " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
