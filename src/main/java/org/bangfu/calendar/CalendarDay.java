package org.bangfu.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A day that differs from the Monday-to-Friday week: a public holiday, or a make-up working day (调休). */
public record CalendarDay(LocalDate day, Kind kind, String name, OffsetDateTime updatedAt, String updatedBy) {

    public enum Kind {
        /** No work, also on a weekday. */
        HOLIDAY,
        /** Work, also on a weekend. */
        WORKDAY
    }
}
