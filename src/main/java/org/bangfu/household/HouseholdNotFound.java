package org.bangfu.household;

/** No such household, or none the caller may see: the two answer alike. */
public class HouseholdNotFound extends RuntimeException {

    public HouseholdNotFound(long id) {
        super("household " + id);
    }
}
