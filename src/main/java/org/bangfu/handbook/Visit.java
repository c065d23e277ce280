package org.bangfu.handbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A visit record (走访记录) as saved in one version: when, who, what was found and changed, what the household
 * needs and wishes, what was delivered, photos (attachment ids) and the head of household's confirmation.
 */
public record Visit(long id, long householdId, int version, LocalDate visitedOn, Kind kind, String visitors,
        String findings, String incomeChange, String healthChange, String housingChange, String schoolingChange,
        String needs, String measuresDelivered, String wishes, List<Long> photoIds, Confirmation confirmation,
        Long confirmationId, String savedBy, Instant savedAt) {

    public enum Kind {
        HOME, PHONE, OTHER
    }
}
