package org.bangfu.funds;

import java.time.Instant;

import org.bangfu.shared.Money;

/** A payment instruction as people see it: the payee's account masked. */
public record Payment(long id, String reference, long requestId, int round, long householdId, String headName,
        String payeeAccount, Money amount, Status status, String batchNo, String failureReason, Instant instructedAt,
        Instant settledAt, boolean incident) {

    public enum Status {
        /** Written under its reference; the payment job has not handed it to the bank yet. */
        INSTRUCTED,
        /** Waiting for the next bank batch file. */
        QUEUED,
        /** In a batch file sent to the bank. */
        EXPORTED,
        PAID, FAILED
    }
}
