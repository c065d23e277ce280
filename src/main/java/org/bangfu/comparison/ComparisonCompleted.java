package org.bangfu.comparison;

/** Every warning of a household's comparison is resolved; {@code excluded} when one confirmed an exclusion. */
public record ComparisonCompleted(long reportId, long householdId, boolean excluded) {
}
