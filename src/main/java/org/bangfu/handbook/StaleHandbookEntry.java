package org.bangfu.handbook;

import org.bangfu.shared.StaleVersion;

/** Someone else saved the same visit or measure since it was read: nothing was overwritten. */
public class StaleHandbookEntry extends StaleVersion {

    StaleHandbookEntry(String what, int currentVersion) {
        super(what, "handbook.stale", currentVersion);
    }
}
