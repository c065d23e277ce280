package org.bangfu.dashboard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of the dashboard that are exported and printed one by one, each a part of the {@link Overview}. Labels
 * come from the bundles ({@code report.section.NAME}); an address names a section in lower case ({@code field-work}).
 */
public enum DashboardSection {
    /** Households per stage now, and how many entered and left each stage in the period. */
    FUNNEL,
    /** Households per stage and street, with totals. */
    STREETS,
    /** Households per stage and team, with totals. */
    TEAMS,
    /** Steps waiting and overdue per step, street and team; the cases waiting longest. */
    OVERDUE,
    /** Visits and reviews due and overdue per team; exits proposed and completed. */
    FIELD_WORK,
    /** The year's funds: arranged, requested, approved, paid and remaining, in total, per street, team and month. */
    MONEY,
    /** Households by class and by main cause of difficulty. */
    DISTRIBUTIONS,
    /** Month by month: cases started, households filed, paired and exited, money paid. */
    TRENDS;

    /** How an address names the section: {@code field-work}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The section an address names, if any. */
    public static Optional<DashboardSection> ofSlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }
}
