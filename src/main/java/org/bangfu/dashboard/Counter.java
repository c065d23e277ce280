package org.bangfu.dashboard;

import java.util.List;

/**
 * The read model's counting tables: each keeps sums under a key, changed only by adding (a household moving
 * subtracts where it was and adds where it is now).
 */
enum Counter {

    /** Households at each stage, of each class and main cause. */
    HOUSEHOLDS("bf_dash_count", List.of("street_id", "team_id", "stage", "attribute", "main_cause"),
            List.of("households")),
    /** Households that entered and left each stage on a day. */
    FLOWS("bf_dash_flow", List.of("flow_day", "street_id", "team_id", "stage"), List.of("entered", "departed")),
    /** The procedure's milestones reached on a day (see {@link Milestone}). */
    MILESTONES("bf_dash_milestone", List.of("milestone_day", "street_id", "team_id", "milestone"), List.of("households")),
    /** Households in assistance whose next visit or review falls due on a day. */
    DUE("bf_dash_due", List.of("due_kind", "due_on", "street_id", "team_id"), List.of("households")),
    /** Exits proposed on a day. */
    EXITS("bf_dash_exit", List.of("proposed_day", "street_id", "team_id"), List.of("proposed")),
    /** The funds ledger summed by year, month of entry and kind. */
    MONEY("bf_dash_money", List.of("budget_year", "entry_month", "street_id", "team_id", "kind"), List.of("amount_fen")),
    /** Steps waiting, by the day they fall due; a row that falls to zero goes, since due days keep coming. */
    STEPS("bf_dash_step_count", List.of("process_key", "task_key", "street_id", "team_id", "due_on"), List.of("waiting"),
            true),
    /** {@link #FLOWS} by month (its first day), for periods of many days. */
    FLOWS_BY_MONTH("bf_dash_flow_month", List.of("flow_month", "street_id", "team_id", "stage"),
            List.of("entered", "departed")),
    /** {@link #MILESTONES} by month (its first day). */
    MILESTONES_BY_MONTH("bf_dash_milestone_month", List.of("milestone_month", "street_id", "team_id", "milestone"),
            List.of("households"));

    final String table;
    final List<String> keys;
    final List<String> values;
    final boolean dropsZeros;

    Counter(String table, List<String> keys, List<String> values) {
        this(table, keys, values, false);
    }

    Counter(String table, List<String> keys, List<String> values, boolean dropsZeros) {
        this.table = table;
        this.keys = keys;
        this.values = values;
        this.dropsZeros = dropsZeros;
    }
}
