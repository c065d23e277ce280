package org.bangfu.dashboard;

import java.time.LocalDate;

/**
 * What the figures are about: a period (both days included) and, optionally, one street and one team. The period
 * applies to what happened (stages entered and left, milestones, exits proposed, money by month); counts of now
 * (stages, steps waiting, visits due) are of today. The funds' year is the year the period ends in.
 */
public record DashboardFilter(LocalDate from, LocalDate to, Long streetId, Long teamId) {

    public DashboardFilter {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period from one day to the same or a later one");
        }
    }

    /** From the first of January to today. */
    public static DashboardFilter thisYear(LocalDate today) {
        return new DashboardFilter(today.withDayOfYear(1), today, null, null);
    }

    DashboardFilter scopedTo(Long street, Long team) {
        return new DashboardFilter(from, to, street, team);
    }
}
