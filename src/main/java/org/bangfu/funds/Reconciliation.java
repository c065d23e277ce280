package org.bangfu.funds;

import org.bangfu.shared.Money;

/** What a bank's confirmation file changed: payments paid, failed, and lines already recorded before. */
public record Reconciliation(int paid, int failed, int unchanged, Money paidAmount) {
}
