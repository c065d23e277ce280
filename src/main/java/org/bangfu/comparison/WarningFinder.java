package org.bangfu.comparison;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns hits into warnings for a set of reports in one statement: every active member of each report's
 * household joined with the agency records of the snapshot's data sets, one select per rule, all in one
 * insert. The single comparison and the batch share it, so both find exactly the same warnings.
 */
@Component
class WarningFinder {

    private final JdbcClient jdbc;

    WarningFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the warnings of the reports selected by {@code reportCondition} (on {@code bf_comparison_report r})
     * and answers how many.
     */
    int insertWarnings(Snapshot snapshot, String reportCondition, List<Object> reportParams) {
        StringBuilder sql = new StringBuilder("""
                insert into bf_comparison_warning (report_id, household_id, member_id, record_id, rule_code, severity,
                                                   threshold, status, version)
                """);
        List<Object> params = new ArrayList<>();
        boolean first = true;
        for (AppliedRule rule : snapshot.rules()) {
            Snapshot.DatasetVersion dataset = snapshot.datasets().get(rule.test().kind());
            if (dataset == null) {
                continue;
            }
            RuleTest.Condition condition = rule.test().condition(rule.threshold(), snapshot.asOf());
            if (!first) {
                sql.append(" union all ");
            }
            first = false;
            sql.append("""
                    select r.id, r.household_id, m.id, a.id, cast(? as varchar(40)), cast(? as varchar(8)),
                           cast(? as numeric(14, 2)), 'OPEN', 0
                      from bf_comparison_report r
                      join bf_member m on m.household_id = r.household_id and m.active = true
                      join bf_agency_record a on a.id_number = m.id_number and a.dataset_id = ?
                     where\s""").append(reportCondition).append(" and ").append(condition.sql());
            params.add(rule.code());
            params.add(rule.severity().name());
            params.add(rule.threshold());
            params.add(dataset.id());
            params.addAll(reportParams);
            params.addAll(condition.params());
        }
        return first ? 0 : jdbc.sql(sql.toString()).params(params).update();
    }
}
