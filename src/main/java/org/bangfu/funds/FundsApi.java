package org.bangfu.funds;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A household's arranged funds and its ledger totals over REST. Amounts travel as strings of yuan with at most two
 * decimals ({@code "1200.50"}), nothing else (no grouping, no currency sign, no JSON number); errors answer in the
 * caller's language.
 */
@RestController
class FundsApi {

    private final FundBudgets budgets;
    private final FundLedger ledger;
    private final FundReleases releases;
    private final FundRequests requests;
    private final FundPayments payments;
    private final MessageSource messages;
    private final Clock clock;

    FundsApi(FundBudgets budgets, FundLedger ledger, FundReleases releases, FundRequests requests,
            FundPayments payments, MessageSource messages, Clock clock) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.releases = releases;
        this.requests = requests;
        this.payments = payments;
        this.messages = messages;
        this.clock = clock;
    }

    /** The arrangements as they stand: the newest version per year and programme. */
    @GetMapping("/api/households/{id}/funds/arrangements")
    List<Arrangement> arrangements(@PathVariable long id) {
        return budgets.current(id);
    }

    /** Every version of every arrangement, newest first. */
    @GetMapping("/api/households/{id}/funds/arrangements/history")
    List<Arrangement> history(@PathVariable long id) {
        return budgets.history(id);
    }

    /**
     * Arranges funds (the district): {@code {"year", "programme", "expectedVersion", "amount", "reason"}}, the
     * version being replaced named ({@code 0} for a first arrangement); another version meanwhile answers 409.
     */
    @PostMapping(path = "/api/households/{id}/funds/arrangements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Arrangement> arrange(@PathVariable long id, @RequestBody ArrangementDraft draft) {
        int year = draft.year() == null ? LocalDate.now(clock).getYear() : draft.year();
        Arrangement arranged = budgets.arrange(id, year, draft.programme(),
                draft.expectedVersion() == null ? 0 : draft.expectedVersion(), draft.amount(), draft.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(arranged);
    }

    /** The household's ledger totals of a year, by kind ({@code ARRANGED}, {@code PAID} …). */
    @GetMapping("/api/households/{id}/funds/totals")
    Map<FundLedger.Kind, Money> totals(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return ledger.totals(id, year == null ? LocalDate.now(clock).getYear() : year).byKind();
    }

    /** The household's balance of a year: arranged, in approval, awaiting the bank, paid, left to ask for. */
    @GetMapping("/api/households/{id}/funds/balance")
    FundLedger.Balance balance(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return ledger.totals(id, year == null ? LocalDate.now(clock).getYear() : year).balance();
    }

    /**
     * Starts a further release for a paired household (its team or the district); its first task is the team's
     * request ({@code Task_RequestFunds}), worked and approved through {@code /api/tasks/{id}/complete}.
     */
    @PostMapping("/api/households/{id}/funds/releases")
    ResponseEntity<Map<String, String>> startRelease(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("processInstanceId", releases.start(id)));
    }

    /** The household's requests with their approvals, newest first. */
    @GetMapping("/api/households/{id}/funds/requests")
    List<FundRequest> requests(@PathVariable long id) {
        return requests.ofHousehold(id);
    }

    /** The household's payments, account numbers masked. */
    @GetMapping("/api/households/{id}/funds/payments")
    List<Payment> householdPayments(@PathVariable long id) {
        return payments.ofHousehold(id);
    }

    /** Payments by status (the district and leadership). */
    @GetMapping("/api/funds/payments")
    List<Payment> payments(@RequestParam(required = false) Payment.Status status,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return payments.list(status, offset, limit);
    }

    /** Puts every queued payment into a new bank batch (the district). */
    @PostMapping("/api/funds/batches")
    ResponseEntity<PaymentBatch> createBatch() {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.createBatch());
    }

    @GetMapping("/api/funds/batches")
    List<PaymentBatch> batches() {
        return payments.batches();
    }

    /** The bank batch file: {@code payee,account,amount,reference}, full accounts; every download is audited. */
    @GetMapping("/api/funds/batches/{id}/file.csv")
    ResponseEntity<byte[]> batchCsv(@PathVariable long id) {
        return download(payments.batchFile(id, FundPayments.FileFormat.CSV), "text/csv;charset=UTF-8",
                "batch-" + id + ".csv");
    }

    @GetMapping("/api/funds/batches/{id}/file.xlsx")
    ResponseEntity<byte[]> batchWorkbook(@PathVariable long id) {
        return download(payments.batchFile(id, FundPayments.FileFormat.XLSX), XLSX, "batch-" + id + ".xlsx");
    }

    /** The bank's confirmation ({@code reference,result,reason}; .csv or .xlsx) as the multipart field "file". */
    @PostMapping(path = "/api/funds/batches/{id}/reconciliation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Reconciliation reconcile(@PathVariable long id, @RequestParam MultipartFile file) throws IOException {
        return payments.reconcile(id, file.getBytes());
    }

    /** Ledger entries in the caller's scope, newest first, with the total count in {@code X-Total-Count}. */
    @GetMapping("/api/funds/ledger")
    ResponseEntity<List<FundLedger.Entry>> ledger(FundLedger.Filter filter,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(ledger.count(filter)))
                .body(ledger.entries(filter, offset, limit));
    }

    @GetMapping("/api/funds/ledger.xlsx")
    ResponseEntity<byte[]> ledgerWorkbook(FundLedger.Filter filter, Locale locale) {
        return download(ledger.export(filter, (key, args) -> messages.getMessage(key, args, key, locale)), XLSX,
                "ledger.xlsx");
    }

    /** Each team's balance of the year in the caller's scope, and the total last (its teamId null). */
    @GetMapping("/api/funds/teams")
    List<FundLedger.TeamBalance> teams(@RequestParam(required = false) Integer year) {
        return ledger.teams(year == null ? LocalDate.now(clock).getYear() : year);
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ResponseEntity<byte[]> download(byte[] content, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    /** The amount in the API's strict form, a JSON string such as {@code "1200.50"} (see {@link Money}). */
    record ArrangementDraft(Integer year, Programme programme, Integer expectedVersion, Money amount, String reason) {
    }
}
