package org.bangfu.handbook;

import java.time.Instant;
import java.time.LocalDate;

/** An outcome of the assistance (帮扶成效) on a date, confirmed by the head of household; it may name its measure. */
public record Result(long id, long householdId, LocalDate achievedOn, String outcome, Long measureId,
        Confirmation confirmation, long confirmationId, String recordedBy, Instant recordedAt) {
}
