package org.bangfu.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.funds.FundLedger.Holder;
import org.bangfu.funds.FundLedger.Kind;
import org.bangfu.funds.FundRequest.Status;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.engine.Executions;
import org.bangfu.household.Households;
import org.bangfu.shared.Csv;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.TableFile;
import org.bangfu.shared.Workbooks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying approved requests exactly once. The instruction is written under a unique reference (one per request
 * and round) before anything is paid; the payment job hands it to the bank only from INSTRUCTED, under a lock,
 * so a retried or repeated job changes nothing; the district's batch file takes each queued payment once; the
 * bank's confirmation settles each exported payment once (a file uploaded twice changes nothing the second time).
 */
@Service
public class FundPayments {

    /** The bank batch file's columns (CSV header and first row of the workbook). */
    public static final List<String> BATCH_COLUMNS = List.of("payee", "account", "amount", "reference");
    /** The bank's confirmation file's columns. */
    public static final List<String> CONFIRMATION_COLUMNS = List.of("reference", "result", "reason");

    private static final String COLUMNS = """
            select p.id, p.reference, p.request_id, p.round_no, p.household_id, p.payee_name, p.payee_account,
                   p.amount_fen, p.status, b.batch_no, p.failure_reason, p.instructed_at, p.settled_at, r.process_instance_id
              from bf_payment p
              join bf_fund_request r on r.id = p.request_id
              left join bf_payment_batch b on b.id = p.batch_id
            """;

    private final JdbcClient jdbc;
    private final FundRequests requests;
    private final FundLedger ledger;
    private final Households households;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Executions executions;

    FundPayments(JdbcClient jdbc, FundRequests requests, FundLedger ledger, Households households, AuditLog audit,
            RuntimeService runtime, Executions executions, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.executions = executions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.requests = requests;
        this.ledger = ledger;
        this.households = households;
        this.audit = audit;
        this.runtime = runtime;
        this.clock = clock;
    }

    // ---- the process's steps -------------------------------------------------------------------------

    /** The instruction of an approved request's round: written once; asked again, the same instruction. */
    long instruct(long requestId) {
        FundRequest request = requests.byId(requestId);
        Optional<Long> existing = instructionOf(requestId, request.round());
        if (existing.isPresent()) {
            return existing.get();
        }
        String payee = jdbc.sql("select head_name from bf_household where id = ?").param(request.householdId())
                .query(String.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into bf_payment (reference, request_id, round_no, household_id, payee_name, amount_fen, status,
                        instructed_at) values (?, ?, ?, ?, ?, ?, 'INSTRUCTED', ?)""")
                    .params(reference(requestId, request.round()), requestId, request.round(), request.householdId(),
                            payee, request.amount().fen(), now())
                    .update(keys, "id");
        } catch (DuplicateKeyException instructedMeanwhile) {
            return instructionOf(requestId, request.round()).orElseThrow();
        }
        return keys.getKey().longValue();
    }

    /** "ZF00000123-1": the request and its round; the bank returns it with the result. */
    static String reference(long requestId, int round) {
        return "ZF%08d-%d".formatted(requestId, round);
    }

    private Optional<Long> instructionOf(long requestId, int round) {
        return jdbc.sql("select id from bf_payment where request_id = ? and round_no = ?").params(requestId, round)
                .query(Long.class).optional();
    }

    /**
     * The payment job: hands the instruction to the bank by queueing it for the next batch file, with the
     * household's account as it is now. Only an INSTRUCTED payment moves; done before, nothing happens. An
     * account that cannot be paid to fails the job, which the engine retries and then raises as an incident.
     *
     * @return whether this call queued it
     */
    boolean queue(long paymentId) {
        String status = jdbc.sql("select status from bf_payment where id = ? for update").param(paymentId)
                .query(String.class).single();
        if (!Payment.Status.INSTRUCTED.name().equals(status)) {
            return false;
        }
        String account = jdbc.sql("""
                select h.bank_account from bf_payment p join bf_household h on h.id = p.household_id where p.id = ?""")
                .param(paymentId).query(String.class).optional().orElse(null);
        String digits = account == null ? "" : account.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,30}")) {
            throw new IllegalStateException("payment " + paymentId + ": the household has no bank account to pay to");
        }
        return jdbc.sql("""
                update bf_payment set status = 'QUEUED', payee_account = ?, queued_at = ? where id = ? and status = 'INSTRUCTED'""")
                .params(digits, now(), paymentId).update() == 1;
    }

    // ---- the district's bank files -------------------------------------------------------------------

    /** Puts every queued payment into a new batch file. The district only. */
    @Transactional
    public PaymentBatch createBatch() {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT);
        List<long[]> queued = jdbc.sql("select id, amount_fen from bf_payment where status = 'QUEUED' order by id for update")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
        if (queued.isEmpty()) {
            throw new InvalidInput(List.of(new FieldError("batch", "funds.batch.empty")));
        }
        LocalDate today = LocalDate.now(clock);
        String prefix = "PB" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        int sequence = jdbc.sql("select count(*) from bf_payment_batch where batch_no like ?").param(prefix + "%")
                .query(Integer.class).single() + 1;
        long total = queued.stream().mapToLong(p -> p[1]).sum();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_payment_batch (batch_no, payment_count, total_fen, created_by, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(prefix + "%03d".formatted(sequence), queued.size(), total, user.getUsername(), now())
                .update(keys, "id");
        long batchId = keys.getKey().longValue();
        for (long[] payment : queued) {
            jdbc.sql("update bf_payment set status = 'EXPORTED', batch_id = ? where id = ? and status = 'QUEUED'")
                    .params(batchId, payment[0]).update();
        }
        PaymentBatch batch = batch(batchId).orElseThrow();
        audit.recordWithChange(user.getUsername(), AuditAction.PAYMENT_BATCH_CREATED,
                AuditText.of("audit.target.paymentBatch", batch.batchNo()), Outcome.SUCCESS,
                AuditText.of("audit.detail.payments", batch.payments(), batch.total()));
        return batch;
    }

    public enum FileFormat {
        CSV, XLSX
    }

    /**
     * The batch file for the bank, with full account numbers: the district only, and every download is audited.
     * CSV: UTF-8 with a byte-order mark, header {@code payee,account,amount,reference}, amounts in yuan with two
     * decimals and no grouping; a cell a spreadsheet would read as a formula is written as text ({@link Csv}).
     */
    @Transactional(readOnly = true)
    public byte[] batchFile(long batchId, FileFormat format) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT);
        PaymentBatch batch = batch(batchId).orElseThrow(() -> new PaymentNotFound("batch " + batchId));
        List<String[]> lines = jdbc.sql("""
                select payee_name, payee_account, amount_fen, reference from bf_payment where batch_id = ? order by id""")
                .param(batchId).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2),
                        Money.ofFen(rs.getLong(3)).toString(), rs.getString(4) })
                .list();
        audit.record(user.getUsername(), AuditAction.PAYMENT_FILE_DOWNLOADED,
                AuditText.of("audit.target.paymentBatch", batch.batchNo()), null, Outcome.SUCCESS,
                AuditText.of("audit.detail.paymentFile", format.name(), lines.size(), batch.total()));
        return format == FileFormat.CSV ? Csv.write(BATCH_COLUMNS, lines)
                : Workbooks.textTable(batch.batchNo(), BATCH_COLUMNS, lines);
    }

    /** Lines of a confirmation settled per transaction: short transactions keep a 10,000-line file linear. */
    private static final int SETTLE_CHUNK = 100;

    /**
     * The bank's confirmation of a batch (.csv or .xlsx, columns {@code reference,result,reason}; result PAID or
     * FAILED, also 成功 / 失败; a failure needs its reason). Every line is checked first: one bad line refuses the
     * file and changes nothing. Then the payments are settled in short transactions, each payment only from
     * EXPORTED: payments settled the same way before (the same file again, or a second upload at the same time)
     * are left as they are, and a file interrupted half-way is completed by uploading it again.
     */
    public Reconciliation reconcile(long batchId, byte[] content) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT);
        PaymentBatch batch = batch(batchId).orElseThrow(() -> new PaymentNotFound("batch " + batchId));
        Checked checked = transactions.execute(status -> check(batch, content));
        Settlement total = new Settlement(0, 0, 0, checked.unchanged());
        for (int from = 0; from < checked.settle().size(); from += SETTLE_CHUNK) {
            List<Settled> chunk = checked.settle().subList(from, Math.min(from + SETTLE_CHUNK, checked.settle().size()));
            total = total.plus(transactions.execute(status -> settle(chunk, user.getUsername())));
        }
        transactions.executeWithoutResult(status -> {
            boolean complete = jdbc.sql("select count(*) from bf_payment where batch_id = ? and status = 'EXPORTED'")
                    .param(batchId).query(Integer.class).single() == 0;
            if (complete) {
                jdbc.sql("update bf_payment_batch set reconciled_at = ? where id = ? and reconciled_at is null")
                        .params(now(), batchId).update();
            }
        });
        Reconciliation result = new Reconciliation(total.paid(), total.failed(), total.unchanged(),
                Money.ofFen(total.paidFen()));
        audit.record(user.getUsername(), AuditAction.PAYMENT_RECONCILED,
                AuditText.of("audit.target.paymentBatch", batch.batchNo()), null, Outcome.SUCCESS,
                AuditText.of("audit.detail.reconciled", result.paid(), result.paidAmount(), result.failed(),
                        result.unchanged()));
        return result;
    }

    /** What a confirmation settles, every line checked under a lock on the batch's payments. */
    private record Checked(List<Settled> settle, int unchanged) {
    }

    private Checked check(PaymentBatch batch, byte[] content) {
        TableFile table;
        try {
            table = TableFile.read(content);
        } catch (TableFile.Unreadable e) {
            throw new InvalidInput(List.of(new FieldError("file", "funds.reconcile.unreadable")));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < table.headers().size(); c++) {
            columns.put(table.headers().get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        List<FieldError> errors = new ArrayList<>();
        for (String column : List.of("reference", "result")) {
            if (!columns.containsKey(column)) {
                errors.add(new FieldError("file", "funds.reconcile.column", column));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, Settling> payments = new HashMap<>();
        jdbc.sql("""
                select p.id, p.reference, p.status, p.request_id, p.amount_fen, r.process_instance_id, r.household_id,
                       r.street_id, r.team_id, r.budget_year, r.programme
                  from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where p.batch_id = ? order by p.id for update""")
                .param(batch.id())
                .query((rs, n) -> new Settling(rs.getLong(1), rs.getString(2), Payment.Status.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getString(6),
                        new Holder(rs.getLong(7), rs.getLong(8), rs.getLong(9)), rs.getInt(10),
                        Programme.valueOf(rs.getString(11))))
                .list().forEach(p -> payments.put(p.reference(), p));
        List<Settled> settle = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (TableFile.Line line : table.lines()) {
            String reference = line.cell(columns.get("reference")).trim();
            String result = result(line.cell(columns.get("result")));
            String reason = columns.containsKey("reason") ? line.cell(columns.get("reason")).trim() : "";
            Settling payment = payments.get(reference);
            if (payment == null) {
                errors.add(new FieldError("file", "funds.reconcile.unknown", line.rowNo(), reference, batch.batchNo()));
            } else if (!seen.add(reference)) {
                errors.add(new FieldError("file", "funds.reconcile.duplicate", line.rowNo(), reference));
            } else if (result == null) {
                errors.add(new FieldError("file", "funds.reconcile.result", line.rowNo(), line.cell(columns.get("result"))));
            } else if (result.equals(FundVariables.FAILED) && reason.isEmpty()) {
                errors.add(new FieldError("file", "funds.reconcile.reason", line.rowNo(), reference));
            } else if (payment.status() == Payment.Status.EXPORTED) {
                settle.add(new Settled(payment, result, reason.length() > 500 ? reason.substring(0, 500) : reason));
            } else if (payment.status().name().equals(result)) {
                unchanged++;
            } else {
                errors.add(new FieldError("file", "funds.reconcile.settled", line.rowNo(), reference,
                        payment.status().name()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(settle, unchanged);
    }

    /** Payments paid (and their sum), failed, and found settled already. */
    private record Settlement(int paid, long paidFen, int failed, int unchanged) {

        Settlement plus(Settlement other) {
            return new Settlement(paid + other.paid, paidFen + other.paidFen, failed + other.failed,
                    unchanged + other.unchanged);
        }
    }

    /** Settles these payments: each from EXPORTED only, with its request, ledger entry and the release's message. */
    private Settlement settle(List<Settled> chunk, String username) {
        int paid = 0;
        long paidFen = 0;
        int failed = 0;
        int meanwhile = 0;
        for (Settled s : chunk) {
            boolean ok = s.result().equals(FundVariables.PAID);
            int updated = jdbc.sql("""
                    update bf_payment set status = ?, failure_reason = ?, settled_at = ?, settled_by = ?
                     where id = ? and status = 'EXPORTED'""")
                    .params(s.result(), ok ? null : s.reason(), now(), username, s.payment().id()).update();
            if (updated == 0) {
                meanwhile++;
                continue;
            }
            Settling payment = s.payment();
            requests.setStatus(payment.requestId(), ok ? Status.PAID : Status.FAILED);
            ledger.record(payment.holder(), payment.year(), payment.programme(), ok ? Kind.PAID : Kind.FAILED,
                    payment.amountFen(), null, payment.requestId(), payment.reference() + (ok ? "" : "：" + s.reason()),
                    username);
            runtime.messageEventReceived(FundVariables.MESSAGE_PAYMENT_SETTLED, waiting(s.payment().processInstanceId()),
                    Map.of(FundVariables.PAYMENT_RESULT, s.result()));
            if (ok) {
                paid++;
                paidFen += s.payment().amountFen();
            } else {
                failed++;
            }
        }
        return new Settlement(paid, paidFen, failed, meanwhile);
    }

    /** The execution of the release that waits for the bank. */
    private String waiting(String release) {
        return executions.waitingFor(release, FundVariables.MESSAGE_PAYMENT_SETTLED)
                .orElseThrow(() -> new IllegalStateException("release " + release + " is not waiting for the bank"));
    }

    /** A payment of the batch with what settling it writes: its request's household, team, year and programme. */
    private record Settling(long id, String reference, Payment.Status status, long requestId, long amountFen,
            String processInstanceId, Holder holder, int year, Programme programme) {
    }

    private record Settled(Settling payment, String result, String reason) {
    }

    private static String result(String cell) {
        String value = cell == null ? "" : cell.trim().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "PAID", "成功", "已支付" -> FundVariables.PAID;
            case "FAILED", "失败", "支付失败" -> FundVariables.FAILED;
            default -> null;
        };
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** Payments by status (all when null), newest first. The district and leadership. */
    @Transactional(readOnly = true)
    public List<Payment> list(Payment.Status status, int offset, int limit) {
        CurrentUser.requireRole(Role.DISTRICT, Role.LEADER);
        List<Object> params = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = "where p.status = ? ";
            params.add(status.name());
        }
        params.add(Math.max(0, offset));
        params.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(COLUMNS + where
                + "order by p.id desc offset ? rows fetch next ? rows only").params(params).query(this::payment).list();
    }

    /** The payments of one household, if the caller may see it. */
    @Transactional(readOnly = true)
    public List<Payment> ofHousehold(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return jdbc.sql(COLUMNS + "where p.household_id = ? order by p.id desc").param(householdId)
                .query(this::payment).list();
    }

    @Transactional(readOnly = true)
    public List<PaymentBatch> batches() {
        CurrentUser.requireRole(Role.DISTRICT, Role.LEADER);
        return jdbc.sql(BATCHES + " order by b.id desc").query(FundPayments::batchRow).list();
    }

    private static final String BATCHES = """
            select b.id, b.batch_no, b.payment_count, b.total_fen, b.created_by, b.created_at,
                   (select count(*) from bf_payment p where p.batch_id = b.id and p.status in ('PAID', 'FAILED')),
                   b.reconciled_at
              from bf_payment_batch b""";

    Optional<PaymentBatch> batch(long batchId) {
        return jdbc.sql(BATCHES + " where b.id = ?").param(batchId).query(FundPayments::batchRow).optional();
    }

    private static PaymentBatch batchRow(ResultSet rs, int n) throws SQLException {
        OffsetDateTime reconciled = rs.getObject(8, OffsetDateTime.class);
        return new PaymentBatch(rs.getLong(1), rs.getString(2), rs.getInt(3), Money.ofFen(rs.getLong(4)),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getInt(7),
                reconciled == null ? null : reconciled.toInstant());
    }

    private Payment payment(ResultSet rs, int n) throws SQLException {
        String processInstance = rs.getString(14);
        Payment.Status status = Payment.Status.valueOf(rs.getString(9));
        boolean incident = status == Payment.Status.INSTRUCTED && executions.hasIncident(processInstance);
        OffsetDateTime settled = rs.getObject(13, OffsetDateTime.class);
        return new Payment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
                Households.maskAccount(rs.getString(7)), Money.ofFen(rs.getLong(8)), status, rs.getString(10),
                rs.getString(11), rs.getObject(12, OffsetDateTime.class).toInstant(),
                settled == null ? null : settled.toInstant(), incident);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
