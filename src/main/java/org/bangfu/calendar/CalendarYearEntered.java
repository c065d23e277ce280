package org.bangfu.calendar;

/** Days of {@code year} were entered (typed in or imported): whoever was told the year is missing may stop worrying. */
public record CalendarYearEntered(int year) {
}
