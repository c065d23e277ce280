package org.bangfu.comparison;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.comparison.AgencyData.AgencyRecord;
import org.bangfu.comparison.ComparisonReport.UsedDataset;
import org.bangfu.comparison.Warning.Consequence;
import org.bangfu.comparison.Warning.FieldPair;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Where;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The comparison of households with the agencies' data (一比对). {@link #compare} is what the pairing process
 * calls for one household; the batch re-check ({@link ComparisonBatches}) finds warnings with the same
 * statement. Reports and their evidence are scoped like the household file; street officers and the district
 * resolve warnings.
 */
@Service
public class Comparisons {

    private static final int MAX_NOTE = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgencyData agencyData;
    private final ComparisonRules rules;
    private final WarningFinder finder;
    private final CodeLists codes;
    private final AuditLog auditLog;
    private final Clock clock;

    Comparisons(JdbcClient jdbc, TransactionTemplate transactions, AgencyData agencyData, ComparisonRules rules,
            WarningFinder finder, CodeLists codes, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.agencyData = agencyData;
        this.rules = rules;
        this.finder = finder;
        this.codes = codes;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Compares one household's active members with the newest data sets under the active rules and stores
     * the report. Safe to repeat: the same members, data set versions and rules give back the same report.
     */
    public ComparisonReport compare(long householdId) {
        SignedInUser user = CurrentUser.requireRole(Role.STREET, Role.DISTRICT, Role.ADMIN);
        requireVisible(user, householdId);
        Snapshot snapshot = Snapshot.current(agencyData.latest(), rules.all(), LocalDate.now(clock));
        if (snapshot.rules().isEmpty()) {
            // no data set for any active rule: a report without warnings would pass the household unchecked
            throw new InvalidInput(List.of(new FieldError("datasets", "comparison.noData")));
        }
        // the comparison date is not part of the fingerprint: with the same data, a repeat (a retried process
        // step, say) finds the report made first
        List<String> members = jdbc.sql("""
                select id || ':' || id_number from bf_member where household_id = ? and active = true order by id""")
                .param(householdId).query(String.class).list();
        String fingerprint = AgencyData.sha256((String.join(",", members) + "|" + snapshot.datasetsText() + "|"
                + snapshot.rulesText()).getBytes(StandardCharsets.UTF_8));
        Optional<Long> existing = reportId(householdId, fingerprint);
        if (existing.isPresent()) {
            return report(existing.get()).orElseThrow();
        }
        try {
            long id = transactions.execute(tx -> {
                jdbc.sql("""
                        insert into bf_comparison_report (household_id, fingerprint, datasets, rules_applied, as_of,
                                                          members_checked, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(householdId, fingerprint, snapshot.datasetsText(), snapshot.rulesText(),
                                snapshot.asOf(), members.size(), now(), user.getUsername())
                        .update();
                long reportId = reportId(householdId, fingerprint).orElseThrow();
                finder.insertWarnings(snapshot, WarningFinder.Source.report(reportId));
                return reportId;
            });
            return report(id).orElseThrow();
        } catch (DuplicateKeyException sameComparisonMeanwhile) {
            return report(reportId(householdId, fingerprint).orElseThrow()).orElseThrow();
        }
    }

    private Optional<Long> reportId(long householdId, String fingerprint) {
        return jdbc.sql("select id from bf_comparison_report where household_id = ? and fingerprint = ?")
                .params(householdId, fingerprint).query(Long.class).optional();
    }

    private void requireVisible(SignedInUser user, long householdId) {
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(householdId);
        if (jdbc.sql("select count(*) from bf_household h where " + scope.condition() + " and h.id = ?")
                .params(params).query(Integer.class).single() == 0) {
            throw new ComparisonNotFound("household " + householdId);
        }
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The newest report of a household, if it was compared and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<ComparisonReport> latest(long householdId) {
        return jdbc.sql("""
                select id from bf_comparison_report where household_id = ? order by created_at desc, id desc
                 fetch first 1 rows only""")
                .param(householdId).query(Long.class).optional().flatMap(this::report);
    }

    /** A report with its warnings and evidence, if the caller may see its household. */
    @Transactional(readOnly = true)
    public Optional<ComparisonReport> report(long reportId) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(reportId);
        Optional<ReportRow> row = jdbc.sql("""
                select r.id, r.household_id, h.head_name, s.name, v.name, r.batch_id, r.as_of,
                       coalesce(r.datasets, b.datasets), coalesce(r.rules_applied, b.rules_applied),
                       r.members_checked, r.created_at, r.created_by, h.street_id
                  from bf_comparison_report r
                  join bf_household h on h.id = r.household_id
                  join bf_street s on s.id = h.street_id
                  join bf_village v on v.id = h.village_id
                  left join bf_comparison_batch b on b.id = r.batch_id
                 where\s""" + scope.condition() + " and r.id = ?")
                .params(params)
                .query((rs, n) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8), rs.getString(9), rs.getInt(10), rs.getObject(11, OffsetDateTime.class),
                        rs.getString(12)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ReportRow r = row.get();
        Snapshot snapshot = Snapshot.parse(r.asOf(), r.datasets(), r.rules());
        List<UsedDataset> used = snapshot.datasets().entrySet().stream()
                .map(e -> new UsedDataset(e.getKey(), e.getValue().versionNo())).toList();
        return Optional.of(new ComparisonReport(r.id(), r.householdId(), Households.fileNo(r.householdId()),
                r.headName(), r.street(), r.village(), r.batchId(), r.asOf(), used, snapshot.rules(),
                r.membersChecked(), r.createdAt(), r.createdBy(), warnings(OF_REPORT, ofReport(r.householdId(), reportId,
                        r.batchId())), mayResolve(user)));
    }

    /** The warnings of a report: its own, or for a batch's report the batch's on its household. */
    private static final String OF_REPORT = "w.household_id = ? and (w.report_id = ? or w.batch_id = ?)";

    private static List<Object> ofReport(long householdId, long reportId, Long batchId) {
        return java.util.Arrays.asList(householdId, reportId, batchId);
    }

    private record ReportRow(long id, long householdId, String headName, String street, String village, Long batchId,
            LocalDate asOf, String datasets, String rules, int membersChecked, OffsetDateTime createdAt,
            String createdBy) {
    }

    private static boolean mayResolve(SignedInUser user) {
        return user.hasRole(Role.STREET) || user.hasRole(Role.DISTRICT) || user.hasRole(Role.ADMIN);
    }

    /** Warnings with their evidence, selected by a condition on {@code bf_comparison_warning w}. */
    List<Warning> warnings(String condition, List<Object> params) {
        Map<String, ComparisonRule> ruleTexts = rules.all().stream()
                .collect(Collectors.toMap(ComparisonRule::code, Function.identity()));
        return jdbc.sql("""
                select a.id, a.row_no, a.id_number, a.person_name, a.text_a, a.text_b, a.flag, a.amount, a.event_date,
                       w.id, w.rule_code, w.severity, w.threshold, w.member_id, m.name, m.relation, m.id_number,
                       d.kind, d.version_no, w.status, w.consequence, w.reason_code, w.note, w.resolved_by,
                       w.resolved_at, w.version, h.address, h.housing_area, w.carried_from
                  from bf_comparison_warning w
                  join bf_member m on m.id = w.member_id
                  join bf_agency_record a on a.id = w.record_id
                  join bf_agency_dataset d on d.id = a.dataset_id
                  join bf_household h on h.id = w.household_id
                 where\s""" + condition + " order by w.id")
                .params(params)
                .query((rs, n) -> warning(rs, ruleTexts))
                .list();
    }

    private Warning warning(ResultSet rs, Map<String, ComparisonRule> ruleTexts) throws SQLException {
        AgencyKind kind = AgencyKind.valueOf(rs.getString(18));
        AgencyRecord record = AgencyData.record(kind, rs, 0);
        String code = rs.getString(11);
        BigDecimal threshold = rs.getBigDecimal(13);
        ComparisonRule rule = ruleTexts.get(code);
        String memberName = rs.getString(15);
        List<FieldPair> fields = new ArrayList<>();
        for (AgencyField field : kind.fields()) {
            String declared = switch (field.key()) {
                case "idNumber" -> IdNumber.mask(rs.getString(17));
                case "name" -> memberName;
                case "address" -> rs.getString(27);
                case "area" -> rs.getBigDecimal(28) == null ? null : rs.getBigDecimal(28).toPlainString();
                default -> null;
            };
            fields.add(new FieldPair(field.key(), declared, record.values().get(field.key())));
        }
        String consequence = rs.getString(21);
        return new Warning(rs.getLong(10), code, Severity.valueOf(rs.getString(12)), threshold,
                rule.text(Locale.SIMPLIFIED_CHINESE, threshold), rule.text(Locale.ENGLISH, threshold), rs.getLong(14),
                memberName, rs.getString(16), kind, rs.getInt(19), record, fields,
                Warning.Status.valueOf(rs.getString(20)), consequence == null ? null : Consequence.valueOf(consequence),
                rs.getString(22), rs.getString(23), rs.getString(24), rs.getObject(25, OffsetDateTime.class),
                (Long) rs.getObject(29, Long.class), rs.getInt(26));
    }

    /** What the workbench lists: reports with warnings, per household. */
    public record ReportFilter(boolean openOnly, Long streetId, Long batchId, String ruleCode, String headName) {

        public static final ReportFilter OPEN = new ReportFilter(true, null, null, null, null);
    }

    /** A report in the workbench's list. */
    public record ReportSummary(long reportId, long householdId, String fileNo, String headName, String streetName,
            String villageName, Long batchId, OffsetDateTime createdAt, int warnings, int open, boolean exclusion) {
    }

    @Transactional(readOnly = true)
    public List<ReportSummary> reports(ReportFilter filter, int offset, int limit) {
        Where where = where(filter);
        String sql = """
                select r.id, r.household_id, h.head_name, s.name, v.name, r.batch_id, r.created_at,
                       (select count(*) from bf_comparison_warning w where\s""" + OWN + """
                       ), (select count(*) from bf_comparison_warning w where\s""" + OWN + """
                        and w.status = 'OPEN'),
                       (select count(*) from bf_comparison_warning w where\s""" + OWN + """
                        and w.status = 'CONFIRMED' and w.consequence = 'EXCLUDE')
                  from bf_comparison_report r
                  join bf_household h on h.id = r.household_id
                  join bf_street s on s.id = h.street_id
                  join bf_village v on v.id = h.village_id
                 where\s""" + where.sql() + " order by r.created_at desc, r.id desc offset ? rows fetch next ? rows only";
        return jdbc.sql(sql).params(where.paramsThen(Math.max(0, offset), Math.max(1, Math.min(limit, 500))))
                .query((rs, n) -> new ReportSummary(rs.getLong(1), rs.getLong(2), Households.fileNo(rs.getLong(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
                        rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getInt(9), rs.getInt(10) > 0))
                .list();
    }

    @Transactional(readOnly = true)
    public int countReports(ReportFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from bf_comparison_report r join bf_household h on h.id = r.household_id where "
                + where.sql()).params(where.params()).query(Integer.class).single();
    }

    /** The warnings of report {@code r}: its own, or for a batch's report the batch's on its household. */
    private static final String OWN = "w.household_id = r.household_id and (w.report_id = r.id or w.batch_id = r.batch_id)";

    /** Reports with warnings (open ones only, if asked) in the caller's scope, filtered; on {@code r} and {@code h}. */
    private static Where where(ReportFilter filter) {
        HouseholdScope scope = HouseholdScope.of(CurrentUser.require());
        Where where = Where.of(scope.condition(), scope.parameters())
                .and("exists (select 1 from bf_comparison_warning w where " + OWN
                        + (filter.openOnly() ? " and w.status = 'OPEN')" : ")"))
                .andIfGiven("h.street_id = ?", filter.streetId())
                .andIfGiven("r.batch_id = ?", filter.batchId())
                .andIfGiven("exists (select 1 from bf_comparison_warning w where " + OWN + " and w.rule_code = ?)",
                        filter.ruleCode());
        if (filter.headName() != null && !filter.headName().isBlank()) {
            where.and("h.head_name like ?", Where.startingWith(filter.headName().trim()));
        }
        return where;
    }

    // ---- resolving -----------------------------------------------------------------------------------

    /**
     * Resolves a warning (street officers for their street, the district, administrators). {@code version} is
     * the version the officer saw: a warning resolved by someone else meanwhile is not overwritten.
     */
    public Warning resolve(long warningId, int version, Resolution resolution) {
        SignedInUser user = CurrentUser.require();
        long householdId = householdOf(warningId, user)
                .orElseThrow(() -> new ComparisonNotFound("warning " + warningId));
        if (!mayResolve(user)) {
            throw new AccessDeniedException("read only");
        }
        String note = checked(resolution);
        Warning.Status decision = resolution.decision();
        Consequence consequence = decision == Warning.Status.CONFIRMED ? resolution.consequence() : null;
        int alsoResolved = transactions.execute(tx -> record(warningId, version, resolution, consequence, note, user));
        auditLog.record(user.getUsername(), AuditAction.COMPARISON_WARNING_RESOLVED,
                AuditText.of("audit.target.warning", Households.fileNo(householdId), warningId), null, Outcome.SUCCESS,
                // the reason's label is kept in the bureau's language: code lists are the household module's
                AuditText.of(alsoResolved > 0 ? "audit.detail.warningsResolved" : "audit.detail.warningResolved",
                        AuditText.label("comparison.decision." + decision),
                        consequence == null ? "" : AuditText.label("comparison.consequence." + consequence),
                        codes.label(CodeLists.RESOLUTION, resolution.reasonCode(), Locale.SIMPLIFIED_CHINESE),
                        note, alsoResolved));
        return warnings("w.id = ?", List.of(warningId)).get(0);
    }

    /** The household of the warning and its report, if the caller may see the household. */
    private Optional<Long> householdOf(long warningId, SignedInUser user) {
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(warningId);
        return jdbc.sql("""
                select r.household_id from bf_comparison_warning w
                  join bf_household h on h.id = w.household_id
                  join bf_comparison_report r on r.household_id = w.household_id
                                             and (r.id = w.report_id or r.batch_id = w.batch_id)
                 where\s""" + scope.condition() + " and w.id = ?")
                .params(params).query(Long.class).optional();
    }

    /** The resolution's note, trimmed, once the resolution is complete; every missing part named otherwise. */
    private String checked(Resolution resolution) {
        List<FieldError> errors = new ArrayList<>();
        Warning.Status decision = resolution.decision();
        if (decision == null || decision == Warning.Status.OPEN) {
            errors.add(new FieldError("decision", "comparison.resolve.decisionRequired"));
        }
        if (decision == Warning.Status.CONFIRMED && resolution.consequence() == null) {
            errors.add(new FieldError("consequence", "comparison.resolve.consequenceRequired"));
        }
        if (resolution.reasonCode() == null || !codes.contains(CodeLists.RESOLUTION, resolution.reasonCode())) {
            errors.add(new FieldError("reasonCode", "comparison.resolve.reasonRequired"));
        }
        String note = resolution.note() == null ? "" : resolution.note().trim();
        if (note.isEmpty()) {
            errors.add(new FieldError("note", "comparison.resolve.noteRequired"));
        } else if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "comparison.resolve.noteTooLong", MAX_NOTE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return note;
    }

    /**
     * Records the decision on the warning, unless someone decided it since {@code version}, and on the warnings of
     * the same member, agency record and rule still open in other reports (a batch, a repeat): one decision for all.
     * The number of other reports it decided warnings in.
     */
    private int record(long warningId, int version, Resolution resolution, Consequence consequence, String note,
            SignedInUser user) {
        String decision = resolution.decision().name();
        String consequenceName = consequence == null ? null : consequence.name();
        int updated = jdbc.sql("""
                update bf_comparison_warning
                   set status = ?, consequence = ?, reason_code = ?, note = ?, resolved_by = ?, resolved_at = ?,
                       version = version + 1
                 where id = ? and version = ? and status = 'OPEN'""")
                .params(decision, consequenceName, resolution.reasonCode(), note, user.getUsername(), now(), warningId,
                        version)
                .update();
        if (updated == 0) {
            throw new StaleComparison("comparison.resolve.stale");
        }
        String sameEvidence = """
                 from bf_comparison_warning w
                 join bf_comparison_warning x on x.record_id = w.record_id and x.member_id = w.member_id
                                             and x.rule_code = w.rule_code and x.id <> w.id and x.status = 'OPEN'
                where w.id = ?""";
        int otherReports = jdbc.sql("select count(distinct r.id)" + sameEvidence.replace("where w.id = ?", """
                join bf_comparison_report r on r.household_id = x.household_id
                                           and (r.id = x.report_id or r.batch_id = x.batch_id)
                where w.id = ?"""))
                .param(warningId).query(Integer.class).single();
        jdbc.sql("""
                update bf_comparison_warning
                   set status = ?, consequence = ?, reason_code = ?, note = ?, resolved_by = ?, resolved_at = ?,
                       carried_from = ?, version = version + 1
                 where id in (select x.id""" + sameEvidence + ")")
                .params(decision, consequenceName, resolution.reasonCode(), note, user.getUsername(), now(), warningId,
                        warningId)
                .update();
        return otherReports;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
