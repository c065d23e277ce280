package org.bangfu.comparison;

import static org.bangfu.shared.Workbooks.row;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.comparison.ComparisonReport.UsedDataset;
import org.bangfu.household.Households;
import org.bangfu.shared.Conflict;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Workbooks;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch re-check (核对) of every active household against the newest data sets: one at a time, in the
 * background, with progress, cancel, and a summary with drill-down and an .xlsx export. The district and
 * administrators start and cancel it; leadership watches.
 */
@Service
public class ComparisonBatches {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgencyData agencyData;
    private final ComparisonRules rules;
    private final BatchRunner runner;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    ComparisonBatches(JdbcClient jdbc, TransactionTemplate transactions, AgencyData agencyData, ComparisonRules rules,
            BatchRunner runner, AuditLog auditLog, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.agencyData = agencyData;
        this.rules = rules;
        this.runner = runner;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /** Another batch is still running; only one runs at a time. */
    public static class AlreadyRunning extends Conflict {

        private final long runningId;

        AlreadyRunning(long runningId) {
            super("batch " + runningId + " is running", "comparison.batch.alreadyRunning", runningId);
            this.runningId = runningId;
        }

        public long runningId() {
            return runningId;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("runningBatch", runningId);
        }
    }

    /** Starts a batch over every active household and answers it at once; the work goes on in the background. */
    public Batch start() {
        Batch batch = create();
        runner.submit(batch.id());
        return batch;
    }

    /** The batch row, without starting its work (tests drive the chunks themselves). */
    Batch create() {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        Snapshot snapshot = Snapshot.current(agencyData.latest(), rules.all(), LocalDate.now(clock));
        if (snapshot.rules().isEmpty()) {
            throw new InvalidInput(List.of(new FieldError("datasets", "comparison.noData")));
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.sql("""
                        insert into bf_comparison_batch (status, running_slot, datasets, rules_applied, as_of,
                                                         households, started_at, started_by)
                        select 'RUNNING', 1, ?, ?, ?, count(*), ?, ? from bf_household h where\s""" + BatchRunner.ACTIVE)
                        .params(snapshot.datasetsText(), snapshot.rulesText(), snapshot.asOf(), now, user.getUsername())
                        .update();
                runner.plan(jdbc.sql("select id from bf_comparison_batch where running_slot = 1").query(Long.class).single());
            });
        } catch (DuplicateKeyException running) {
            throw new AlreadyRunning(running().map(Batch::id).orElse(0L));
        }
        Batch batch = running().orElseThrow();
        auditLog.record(user.getUsername(), AuditAction.COMPARISON_BATCH_STARTED,
                AuditText.of("audit.target.comparisonBatch", batch.id()), null, Outcome.SUCCESS,
                AuditText.of("audit.detail.households", batch.households()));
        return batch;
    }

    /** Asks the running batch to stop after its current chunk; what was checked so far is kept. */
    public void cancel(long batchId) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        int updated = jdbc.sql("update bf_comparison_batch set cancel_requested = true where id = ? and status = 'RUNNING'")
                .param(batchId).update();
        if (updated > 0) {
            auditLog.record(user.getUsername(), AuditAction.COMPARISON_BATCH_CANCELLED,
                    AuditText.of("audit.target.comparisonBatch", batchId), null,
                    Outcome.SUCCESS, null);
        }
    }

    private Optional<Batch> running() {
        return jdbc.sql(BATCH + " where b.status = 'RUNNING'").query(this::batch).optional();
    }

    public Optional<Batch> find(long batchId) {
        requireReader();
        return jdbc.sql(BATCH + " where b.id = ?").param(batchId).query(this::batch).optional();
    }

    /** The newest batches first. */
    public List<Batch> list(int offset, int limit) {
        requireReader();
        return jdbc.sql(BATCH + " order by b.id desc offset ? rows fetch next ? rows only")
                .params(Math.max(0, offset), Math.max(1, Math.min(limit, 100))).query(this::batch).list();
    }

    private static void requireReader() {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN, Role.LEADER);
    }

    private static final String BATCH = """
            select b.id, b.status, b.as_of, b.datasets, b.rules_applied, b.households,
                   (select coalesce(sum(people), 0) from bf_comparison_batch_street s where s.batch_id = b.id),
                   (select count(*) from bf_comparison_batch_chunk c where c.batch_id = b.id),
                   (select count(*) from bf_comparison_batch_chunk c where c.batch_id = b.id and c.done = true),
                   (select coalesce(sum(households_hit), 0) from bf_comparison_batch_chunk c where c.batch_id = b.id),
                   (select coalesce(sum(warnings), 0) from bf_comparison_batch_chunk c where c.batch_id = b.id),
                   b.cancel_requested, b.started_at, b.started_by, b.finished_at
              from bf_comparison_batch b""";

    private Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Snapshot snapshot = Snapshot.parse(rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5));
        return new Batch(rs.getLong(1), Batch.Status.valueOf(rs.getString(2)), snapshot.asOf(),
                snapshot.datasets().entrySet().stream().map(e -> new UsedDataset(e.getKey(), e.getValue().versionNo()))
                        .toList(),
                snapshot.rules(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                rs.getBoolean(12), rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                rs.getObject(15, OffsetDateTime.class));
    }

    // ---- summary -------------------------------------------------------------------------------------

    /** Warnings of one rule in a batch, and how many households they fall on. */
    public record RuleCount(String ruleCode, String textZh, String textEn, int warnings, int households) {

        public String text(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
        }
    }

    /** One street's part of a batch. */
    public record StreetCount(long streetId, String streetName, int households, int people, int householdsHit,
            int warnings) {
    }

    public record Summary(Batch batch, List<RuleCount> byRule, List<StreetCount> byStreet) {
    }

    public Optional<Summary> summary(long batchId) {
        return find(batchId).map(batch -> {
            Map<String, ComparisonRule> byCode = rules.all().stream()
                    .collect(Collectors.toMap(ComparisonRule::code, Function.identity()));
            Map<String, AppliedRule> applied = batch.rules().stream()
                    .collect(Collectors.toMap(AppliedRule::code, Function.identity()));
            List<RuleCount> byRule = jdbc.sql("""
                    select w.rule_code, count(*), count(distinct w.household_id)
                      from bf_comparison_warning w where w.batch_id = ? group by w.rule_code""")
                    .param(batchId)
                    .query((rs, n) -> {
                        String code = rs.getString(1);
                        ComparisonRule rule = byCode.get(code);
                        AppliedRule used = applied.get(code);
                        java.math.BigDecimal threshold = used == null ? rule.threshold() : used.threshold();
                        return new RuleCount(code, rule.text(Locale.SIMPLIFIED_CHINESE, threshold),
                                rule.text(Locale.ENGLISH, threshold), rs.getInt(2), rs.getInt(3));
                    })
                    .list().stream()
                    .sorted(java.util.Comparator.comparingInt(c -> batch.rules().stream().map(AppliedRule::code)
                            .toList().indexOf(c.ruleCode())))
                    .toList();
            List<StreetCount> byStreet = jdbc.sql("""
                    select s.id, s.name, c.households, c.people, coalesce(hit.households, 0), coalesce(hit.warnings, 0)
                      from (select street_id, sum(households) households, sum(people) people
                              from bf_comparison_batch_street where batch_id = ? group by street_id) c
                      join bf_street s on s.id = c.street_id
                      left join (select h.street_id, count(distinct w.household_id) households, count(*) warnings
                                   from bf_comparison_warning w
                                   join bf_household h on h.id = w.household_id
                                  where w.batch_id = ? group by h.street_id) hit on hit.street_id = c.street_id
                     order by s.code""")
                    .params(batchId, batchId)
                    .query((rs, n) -> new StreetCount(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6)))
                    .list();
            return new Summary(batch, byRule, byStreet);
        });
    }

    /** The summary and every warning of a batch as a workbook, in the caller's language; audit-logged. */
    public byte[] export(long batchId, Locale locale) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN, Role.LEADER);
        Summary summary = summary(batchId).orElseThrow(() -> new ComparisonNotFound("batch " + batchId));
        Map<String, ComparisonRule> byCode = rules.all().stream()
                .collect(Collectors.toMap(ComparisonRule::code, Function.identity()));
        byte[] workbook = Workbooks.stream(book -> {
            Sheet totals = book.createSheet(text("comparison.export.summarySheet", locale));
            Batch batch = summary.batch();
            int r = 0;
            r = row(totals, r, text("comparison.batch.households", locale), batch.households());
            r = row(totals, r, text("comparison.batch.people", locale), batch.people());
            r = row(totals, r, text("comparison.batch.warnings", locale), batch.warningCount());
            r = row(totals, r, text("comparison.batch.householdsHit", locale), batch.householdsHit());
            r = row(totals, r, text("comparison.batch.hitShare", locale),
                    String.format(Locale.ROOT, "%.1f%%", batch.hitShare() * 100));
            r++;
            r = row(totals, r, text("comparison.export.rule", locale), text("comparison.batch.warnings", locale),
                    text("comparison.batch.households", locale));
            for (RuleCount rule : summary.byRule()) {
                r = row(totals, r, rule.text(locale), rule.warnings(), rule.households());
            }
            r++;
            r = row(totals, r, text("comparison.export.street", locale), text("comparison.batch.households", locale),
                    text("comparison.batch.people", locale), text("comparison.batch.householdsHit", locale),
                    text("comparison.batch.warnings", locale));
            for (StreetCount street : summary.byStreet()) {
                r = row(totals, r, street.streetName(), street.households(), street.people(), street.householdsHit(),
                        street.warnings());
            }
            Sheet details = book.createSheet(text("comparison.export.warningsSheet", locale));
            int[] line = {row(details, 0, text("field.fileNo", locale), text("field.headName", locale),
                    text("field.streetId", locale), text("field.villageId", locale),
                    text("field.name", locale), text("field.idNumber", locale), text("comparison.export.rule", locale),
                    text("comparison.severity", locale), text("comparison.export.record", locale),
                    text("comparison.status", locale))};
            jdbc.sql("""
                    select h.id, h.head_name, s.name, v.name, m.name, m.id_number, w.rule_code, w.threshold,
                           w.severity, a.text_a, a.text_b, a.amount, a.event_date, w.status
                      from bf_comparison_warning w
                      join bf_household h on h.id = w.household_id
                      join bf_street s on s.id = h.street_id
                      join bf_village v on v.id = h.village_id
                      join bf_member m on m.id = w.member_id
                      join bf_agency_record a on a.id = w.record_id
                     where w.batch_id = ? order by s.code, h.id, w.id""")
                    .param(batchId)
                    .query(rs -> {
                        String evidence = java.util.stream.Stream.of(rs.getString(10), rs.getString(11),
                                rs.getBigDecimal(12) == null ? null : rs.getBigDecimal(12).toPlainString(),
                                rs.getObject(13, LocalDate.class) == null ? null : rs.getObject(13, LocalDate.class).toString())
                                .filter(java.util.Objects::nonNull).collect(Collectors.joining(" / "));
                        line[0] = row(details, line[0], Households.fileNo(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), IdNumber.mask(rs.getString(6)),
                                byCode.get(rs.getString(7)).text(locale, rs.getBigDecimal(8)),
                                text("comparison.severity." + rs.getString(9), locale), evidence,
                                text("comparison.status." + rs.getString(14), locale));
                    });
        });
        auditLog.record(user.getUsername(), AuditAction.COMPARISON_EXPORTED,
                AuditText.of("audit.target.comparisonBatch", batchId), null, Outcome.SUCCESS,
                AuditText.of("audit.detail.warnings", summary.batch().warningCount()));
        return workbook;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
