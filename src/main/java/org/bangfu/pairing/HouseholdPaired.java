package org.bangfu.pairing;

/** A household's case ended paired with a team: its first visit and plan are done (fund release attaches here). */
public record HouseholdPaired(long caseId, long householdId, long teamId, String processInstanceId) {
}
