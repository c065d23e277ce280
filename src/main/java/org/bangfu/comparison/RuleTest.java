package org.bangfu.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.comparison.ComparisonRule.Threshold;

/**
 * What each rule tests, as a condition on the matched agency record {@code a}, with its parameters from the
 * threshold and the comparison date. Kept in code: an administrator changes thresholds, not conditions.
 */
enum RuleTest {

    VEHICLE_NON_PRODUCTIVE(AgencyKind.VEHICLE, Threshold.NONE),
    PUBLIC_EMPLOYEE(AgencyKind.PUBLIC_EMPLOYEE, Threshold.NONE),
    BUSINESS_REGISTERED(AgencyKind.BUSINESS, Threshold.NONE),
    PENSION_ABOVE(AgencyKind.PENSION, Threshold.YUAN_PER_MONTH),
    DECEASED(AgencyKind.DEATH, Threshold.NONE),
    COMMERCIAL_HOUSING(AgencyKind.REAL_ESTATE, Threshold.SQUARE_METRES),
    DEMOLITION_RECENT(AgencyKind.DEMOLITION, Threshold.MONTHS);

    private final AgencyKind kind;
    private final Threshold threshold;

    RuleTest(AgencyKind kind, Threshold threshold) {
        this.kind = kind;
        this.threshold = threshold;
    }

    /** The data set the rule reads. */
    AgencyKind kind() {
        return kind;
    }

    static RuleTest of(String code) {
        return valueOf(code);
    }

    Threshold threshold() {
        return threshold;
    }

    /** The SQL condition on {@code a} and its parameters. */
    Condition condition(BigDecimal value, LocalDate asOf) {
        return switch (this) {
            // a vehicle whose use is not recorded counts as non-productive: the officer checks it
            case VEHICLE_NON_PRODUCTIVE -> new Condition("(a.flag is null or a.flag = false)", List.of());
            case PUBLIC_EMPLOYEE, BUSINESS_REGISTERED -> new Condition("1 = 1", List.of());
            case PENSION_ABOVE -> new Condition("a.amount > ?", List.of(value == null ? BigDecimal.ZERO : value));
            case DECEASED -> new Condition("a.event_date <= ?", List.of(asOf));
            case COMMERCIAL_HOUSING -> value == null || value.signum() == 0 ? new Condition("1 = 1", List.of())
                    : new Condition("a.amount >= ?", List.of(value));
            case DEMOLITION_RECENT -> new Condition("a.event_date > ? and a.event_date <= ?",
                    List.of(asOf.minusMonths(value == null ? 0 : value.intValue()), asOf));
        };
    }

    record Condition(String sql, List<Object> params) {
    }
}
