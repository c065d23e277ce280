package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household is assisted by another team from now on: published inside the move's transaction, after the file,
 * its open tasks and its processes' team have changed, for the modules that keep figures per team.
 */
public record HouseholdMovedTeam(long moveId, long householdId, long fromTeamId, long toTeamId, LocalDate decidedOn,
        Instant movedAt) {
}
