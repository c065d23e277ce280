package org.bangfu.funds;

import java.time.Instant;

import org.bangfu.shared.Money;

/** A bank batch file and how far its confirmation has come. */
public record PaymentBatch(long id, String batchNo, int payments, Money total, String createdBy, Instant createdAt,
        int settled, Instant reconciledAt) {
}
