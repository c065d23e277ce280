package org.bangfu.household;

import java.time.Instant;

/**
 * A household entered a stage of the procedure (from {@code from}; null when its file was opened, in
 * {@link HouseholdStage#IDENTIFICATION}), while it belonged to this street and team (null: none yet). Published with
 * the change, in its transaction, after the {@link HouseholdChanged} that carries the new stage; replayed with the
 * street and team the household had at the time.
 */
public record HouseholdStageChanged(long householdId, long streetId, Long teamId, HouseholdStage from,
        HouseholdStage to, Instant at) {
}
