package org.bangfu.comparison;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns hits into warnings in one statement: every active member joined once with the agency records of all
 * the snapshot's data sets, each record tested by the rule of its data set. The single comparison and the
 * batch share it, so both find exactly the same warnings.
 */
@Component
class WarningFinder {

    private final JdbcClient jdbc;

    WarningFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where the members come from: a FROM clause that names the active members {@code m}, its condition and
     * parameters, the report or batch each warning belongs to, and how to find the warnings it made
     * ({@code own}, a condition on {@code bf_comparison_warning}).
     */
    record Source(String reportId, String batchId, String from, String where, List<Object> params, String own,
            List<Object> ownParams) {

        /** The members of one stored report. */
        static Source report(long reportId) {
            return new Source("r.id", "cast(null as bigint)", """
                    bf_comparison_report r join bf_member m on m.household_id = r.household_id and m.active = true""",
                    "r.id = ?", List.of(reportId), "report_id = ?", List.of(reportId));
        }

        /** The members of a batch's households with {@code from < id <= to}. */
        static Source batch(long batchId, long from, long to, String activeHousehold) {
            return new Source("cast(null as bigint)", "b.id", """
                    bf_comparison_batch b, bf_household h join bf_member m on m.household_id = h.id and m.active = true""",
                    // the range on m as well, so that the members are read as one range of their household index
                    "b.id = ? and h.id > ? and h.id <= ? and m.household_id > ? and m.household_id <= ? and "
                            + activeHousehold, List.of(batchId, from, to, from, to),
                    "batch_id = ? and household_id > ? and household_id <= ?", List.of(batchId, from, to));
        }
    }

    /** Stores the warnings of the members of {@code source} and answers how many. */
    int insertWarnings(Snapshot snapshot, Source source) {
        List<List<AppliedRule>> passes = passes(snapshot);
        if (passes.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("""
                insert into bf_comparison_warning (report_id, batch_id, household_id, member_id, record_id, rule_code,
                                                   severity, threshold, status, version)
                """);
        List<Object> params = new ArrayList<>();
        for (int p = 0; p < passes.size(); p++) {
            List<AppliedRule> rules = passes.get(p);
            StringBuilder code = new StringBuilder("case a.dataset_id");
            StringBuilder severity = new StringBuilder("case a.dataset_id");
            StringBuilder threshold = new StringBuilder("case a.dataset_id");
            List<Object> codeParams = new ArrayList<>();
            List<Object> severityParams = new ArrayList<>();
            List<Object> thresholdParams = new ArrayList<>();
            for (AppliedRule rule : rules) {
                long dataset = dataset(snapshot, rule);
                code.append(" when ? then cast(? as varchar(40))");
                codeParams.addAll(List.of(dataset, rule.code()));
                severity.append(" when ? then cast(? as varchar(8))");
                severityParams.addAll(List.of(dataset, rule.severity().name()));
                threshold.append(" when ? then cast(? as numeric(14, 2))");
                thresholdParams.add(dataset);
                thresholdParams.add(rule.threshold());
            }
            if (p > 0) {
                sql.append(" union all ");
            }
            sql.append("select ").append(source.reportId()).append(", ").append(source.batchId())
                    .append(", m.household_id, m.id, a.id, ").append(code)
                    .append(" end, ").append(severity).append(" end, ").append(threshold).append(" end, 'OPEN', 0")
                    .append(" from ").append(source.from())
                    .append(" join bf_agency_record a on a.id_number = m.id_number where ").append(source.where())
                    .append(" and ");
            params.addAll(codeParams);
            params.addAll(severityParams);
            params.addAll(thresholdParams);
            params.addAll(source.params());
            sql.append(tests(snapshot, rules, params));
        }
        int inserted = jdbc.sql(sql.toString()).params(params).update();
        if (inserted > 0) {
            carryOver(source);
        }
        return inserted;
    }

    /**
     * The same member matched the same agency record under the same rule before, and an officer resolved it:
     * the new warning takes that resolution over (and says where from) instead of asking for it again.
     */
    private void carryOver(Source source) {
        String earlier = """
                (select max(p.id) from bf_comparison_warning p
                  where p.record_id = bf_comparison_warning.record_id and p.member_id = bf_comparison_warning.member_id
                    and p.rule_code = bf_comparison_warning.rule_code and p.status <> 'OPEN'
                    and p.id < bf_comparison_warning.id)""";
        String column = "(select e.%s from bf_comparison_warning e where e.id = bf_comparison_warning.carried_from)";
        int carried = jdbc.sql("update bf_comparison_warning set carried_from = " + earlier
                + " where status = 'OPEN' and " + source.own() + " and exists " + earlier.replace("max(p.id)", "1"))
                .params(source.ownParams()).update();
        if (carried > 0) {
            jdbc.sql("update bf_comparison_warning set status = " + column.formatted("status") + ", consequence = "
                    + column.formatted("consequence") + ", reason_code = " + column.formatted("reason_code")
                    + ", note = " + column.formatted("note") + ", resolved_by = " + column.formatted("resolved_by")
                    + ", resolved_at = " + column.formatted("resolved_at")
                    + " where status = 'OPEN' and carried_from is not null and " + source.own())
                    .params(source.ownParams()).update();
        }
    }

    /** {@code (a.dataset_id in (...)) and ((a.dataset_id = ? and test) or ...)} for the rules given. */
    private static String tests(Snapshot snapshot, List<AppliedRule> rules, List<Object> params) {
        StringBuilder in = new StringBuilder("a.dataset_id in (");
        StringBuilder any = new StringBuilder("(");
        List<Object> anyParams = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AppliedRule rule = rules.get(i);
            long dataset = dataset(snapshot, rule);
            in.append(i == 0 ? "?" : ", ?");
            params.add(dataset);
            RuleTest.Condition condition = rule.test().condition(rule.threshold(), snapshot.asOf());
            any.append(i == 0 ? "" : " or ").append("(a.dataset_id = ? and ").append(condition.sql()).append(')');
            anyParams.add(dataset);
            anyParams.addAll(condition.params());
        }
        params.addAll(anyParams);
        return in.append(") and ").append(any).append(')').toString();
    }

    /**
     * The rules in passes with at most one rule per data set, so that one join row answers to one rule; with
     * today's rules (one per data set) a single pass. Rules whose data set is missing are left out.
     */
    private static List<List<AppliedRule>> passes(Snapshot snapshot) {
        Map<AgencyKind, List<AppliedRule>> byKind = new EnumMap<>(AgencyKind.class);
        for (AppliedRule rule : snapshot.rules()) {
            if (snapshot.datasets().containsKey(rule.test().kind())) {
                byKind.computeIfAbsent(rule.test().kind(), k -> new ArrayList<>()).add(rule);
            }
        }
        List<List<AppliedRule>> passes = new ArrayList<>();
        for (List<AppliedRule> rules : byKind.values()) {
            for (int i = 0; i < rules.size(); i++) {
                if (passes.size() <= i) {
                    passes.add(new ArrayList<>());
                }
                passes.get(i).add(rules.get(i));
            }
        }
        return passes;
    }

    private static long dataset(Snapshot snapshot, AppliedRule rule) {
        return snapshot.datasets().get(rule.test().kind()).id();
    }
}
