package org.bangfu.funds;

import java.util.List;

/**
 * A household's money counts under another team from now on (it moved): its ledger entries, as they were
 * recorded, which read models counted under {@code fromTeamId} and count under {@code toTeamId} now.
 */
public record LedgerMovedTeam(long householdId, long fromTeamId, long toTeamId, List<LedgerEntryRecorded> entries) {
}
