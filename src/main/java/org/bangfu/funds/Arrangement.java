package org.bangfu.funds;

import java.time.Instant;

import org.bangfu.shared.Money;

/** One version of what the district arranged for a household, year and programme (资金安排), with its reason. */
public record Arrangement(long id, long householdId, int year, Programme programme, int version, Money amount,
        String reason, String arrangedBy, Instant arrangedAt) {
}
