package org.bangfu.organisation;

/** Someone else changed the same street, village or team since it was read: nothing was overwritten. */
public class StaleOrganisation extends RuntimeException {

    private final int currentVersion;

    StaleOrganisation(String what, int currentVersion) {
        super(what + " was changed by someone else (now version " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
