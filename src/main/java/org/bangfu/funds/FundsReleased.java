package org.bangfu.funds;

import org.bangfu.shared.Money;

/** The bank confirmed a release paid to the household (the handbook records it). */
public record FundsReleased(long householdId, long requestId, String reference, Money amount, String measure) {
}
