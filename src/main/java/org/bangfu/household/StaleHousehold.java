package org.bangfu.household;

import org.bangfu.shared.StaleVersion;

/** Someone else saved the same file (or member) since it was read: nothing was overwritten. */
public class StaleHousehold extends StaleVersion {

    StaleHousehold(String what, int currentVersion) {
        super(what, "api.stale", currentVersion);
    }
}
