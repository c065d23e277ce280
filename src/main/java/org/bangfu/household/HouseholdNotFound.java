package org.bangfu.household;

import org.bangfu.shared.NotFound;

/** No such household, or none the caller may see: the two answer alike. */
public class HouseholdNotFound extends NotFound {

    public HouseholdNotFound(long id) {
        super("household " + id, "api.notFound");
    }
}
