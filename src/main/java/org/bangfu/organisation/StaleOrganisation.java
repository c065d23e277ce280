package org.bangfu.organisation;

import org.bangfu.shared.StaleVersion;

/** Someone else changed the same street, village or team since it was read: nothing was overwritten. */
public class StaleOrganisation extends StaleVersion {

    StaleOrganisation(String what, int currentVersion) {
        super(what, "organisation.stale", currentVersion);
    }
}
