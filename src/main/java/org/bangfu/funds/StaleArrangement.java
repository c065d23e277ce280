package org.bangfu.funds;

import org.bangfu.shared.StaleVersion;

/** The arrangement was changed by someone else since the caller read it: nothing was changed. */
public class StaleArrangement extends StaleVersion {

    public StaleArrangement(int currentVersion) {
        super("the arrangement", "funds.arrangement.stale", currentVersion);
    }
}
