package org.bangfu.calendar;

/**
 * From 1 November the holidays of {@code year} (the next one) are still not entered, and the administrator
 * {@code username} has not been told yet this year: published once per year and administrator.
 */
public record NextYearFoundMissing(int year, String username) {
}
