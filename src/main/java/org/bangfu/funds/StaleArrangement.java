package org.bangfu.funds;

/** The arrangement was changed by someone else since the caller read it: nothing was changed. */
public class StaleArrangement extends RuntimeException {

    private final int currentVersion;

    public StaleArrangement(int currentVersion) {
        super("arrangement changed meanwhile; now version " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
