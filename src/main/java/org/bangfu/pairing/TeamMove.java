package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household moved from one assistance team to another (调整帮扶小组): the district's decision of {@code decidedOn}
 * with its reason, recorded at {@code movedAt} by {@code movedBy} (shown as {@code movedByName}).
 */
public record TeamMove(long id, long householdId, long fromTeamId, String fromTeamName, long toTeamId,
        String toTeamName, String reason, LocalDate decidedOn, String movedBy, String movedByName, Instant movedAt) {
}
