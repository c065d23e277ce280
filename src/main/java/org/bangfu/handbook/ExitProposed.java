package org.bangfu.handbook;

import java.time.Instant;

/**
 * Someone proposed that a paired household leave assistance, while it belonged to this street and team (replayed
 * with the household's street and team of now); how the proposal ends shows in the household's stage.
 */
public record ExitProposed(long householdId, long streetId, Long teamId, Instant proposedAt) {
}
