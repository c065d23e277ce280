package org.bangfu.pairing;

import java.time.Instant;

/** One run of the assistance-pairing procedure for a household. */
public record PairingCase(long id, long householdId, String processInstanceId, Status status, String startedBy,
        Instant startedAt, Instant endedAt, String outcomeReason) {

    public enum Status {
        OPEN, PAIRED, NOT_ELIGIBLE
    }
}
