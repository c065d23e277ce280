package org.bangfu.funds;

import java.time.Instant;

import org.bangfu.funds.FundLedger.Kind;

/**
 * An entry was appended to the funds ledger, in the transaction of the change it records: whose money (household,
 * its street and team at the time), which year, what kind, how much (fen; an arrangement lowered is negative).
 */
public record LedgerEntryRecorded(long householdId, long streetId, Long teamId, int year, Kind kind, long amountFen,
        Instant recordedAt) {
}
