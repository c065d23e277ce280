package org.bangfu.handbook;

/** Someone else saved the same visit or measure since it was read: nothing was overwritten. */
public class StaleHandbookEntry extends RuntimeException {

    private final int currentVersion;

    StaleHandbookEntry(String what, int currentVersion) {
        super(what + " was changed by someone else (now version " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
