package org.bangfu.comparison;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.comparison.AgencyData.Dataset;
import org.bangfu.comparison.AgencyData.ImportReport;
import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.comparison.Comparisons.ReportFilter;
import org.bangfu.comparison.Comparisons.ReportSummary;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The comparison for integrations: agency data imports ({@code /api/agency-data}), a household's report
 * ({@code /api/households/{id}/comparison}), resolving warnings, rules, and the batch re-check
 * ({@code /api/comparison/batches}). Scoped by the facades; errors answer in the caller's language.
 */
@RestController
class ComparisonApi {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AgencyData agencyData;
    private final Comparisons comparisons;
    private final ComparisonRules rules;
    private final ComparisonBatches batches;
    private final MessageSource messages;

    ComparisonApi(AgencyData agencyData, Comparisons comparisons, ComparisonRules rules, ComparisonBatches batches,
            MessageSource messages) {
        this.agencyData = agencyData;
        this.comparisons = comparisons;
        this.rules = rules;
        this.batches = batches;
        this.messages = messages;
    }

    // ---- agency data ---------------------------------------------------------------------------------

    /** A row that could not be read, with the reason in the caller's language. */
    record Problem(int row, String field, String message, String value) {
    }

    record ImportAnswer(AgencyData.Status status, AgencyKind kind, String fileName, String charset,
            Map<String, String> mapping, int rows, int readableRows, List<Problem> problems, Dataset dataset) {
    }

    /**
     * Imports an agency file. {@code mode}: CHECK (report only), ALL_OR_NOTHING (the default: refused with 422
     * if any row is unreadable), SKIP_UNREADABLE_ROWS. Columns are mapped by their usual headers, or by
     * parameters {@code field.KEY=header}.
     */
    @PostMapping(path = "/api/agency-data/{kind}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportAnswer> importFile(@PathVariable AgencyKind kind, @RequestParam MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") Mode mode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam Map<String, String> params, Locale locale) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("field.")) {
                mapping.put(name.substring("field.".length()), value);
            }
        });
        ImportReport report = agencyData.importFile(kind, file.getOriginalFilename(), file.getBytes(), mapping, asOf,
                mode);
        ImportAnswer answer = new ImportAnswer(report.status(), report.kind(), report.fileName(), report.charset(),
                report.mapping(), report.rows(), report.readableRows(),
                report.problems().stream().map(p -> new Problem(p.rowNo(), p.field(),
                        messages.getMessage(p.messageKey(), null, locale), p.value())).toList(),
                report.dataset());
        HttpStatus status = switch (report.status()) {
            case IMPORTED -> HttpStatus.CREATED;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CHECKED, ALREADY_IMPORTED -> HttpStatus.OK;
        };
        return ResponseEntity.status(status).body(answer);
    }

    @GetMapping("/api/agency-data")
    List<Dataset> datasets() {
        return agencyData.datasets();
    }

    @GetMapping("/api/agency-data/{datasetId}/records")
    List<AgencyData.AgencyRecord> records(@PathVariable long datasetId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(size, 500));
        return agencyData.records(datasetId, Math.max(0, page) * pageSize, pageSize);
    }

    // ---- a household's comparison --------------------------------------------------------------------

    /** Compares the household now; the same members, data and rules give back the same report. */
    @PostMapping("/api/households/{id}/comparison")
    ComparisonReport compare(@PathVariable long id) {
        return comparisons.compare(id);
    }

    @GetMapping("/api/households/{id}/comparison")
    ComparisonReport latest(@PathVariable long id) {
        return comparisons.latest(id).orElseThrow(() -> new ComparisonNotFound("household " + id));
    }

    @GetMapping("/api/comparison/reports")
    List<ReportSummary> reports(@RequestParam(defaultValue = "true") boolean open,
            @RequestParam(required = false) Long street, @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(size, 200));
        return comparisons.reports(new ReportFilter(open, street, batch, rule, q), Math.max(0, page) * pageSize,
                pageSize);
    }

    @GetMapping("/api/comparison/reports/{id}")
    ComparisonReport report(@PathVariable long id) {
        return comparisons.report(id).orElseThrow(() -> new ComparisonNotFound("report " + id));
    }

    record ResolutionRequest(Warning.Status decision, Warning.Consequence consequence, String reasonCode, String note,
            Integer version) {
    }

    /** Resolves a warning; {@code version} is the warning's version as read (409 when someone was quicker). */
    @PostMapping("/api/comparison/warnings/{id}/resolution")
    Warning resolve(@PathVariable long id, @RequestBody ResolutionRequest request) {
        if (request.version() == null) {
            throw new InvalidInput(List.of(new FieldError("version", "api.versionRequired")));
        }
        return comparisons.resolve(id, request.version(),
                new Resolution(request.decision(), request.consequence(), request.reasonCode(), request.note()));
    }

    // ---- rules ---------------------------------------------------------------------------------------

    @GetMapping("/api/comparison/rules")
    List<ComparisonRule> rules() {
        return rules.list();
    }

    record RuleChange(Integer version, Severity severity, BigDecimal threshold, boolean active, String textZh,
            String textEn) {
    }

    @PutMapping("/api/comparison/rules/{code}")
    ComparisonRule changeRule(@PathVariable String code, @RequestBody RuleChange change) {
        if (change.version() == null) {
            throw new InvalidInput(List.of(new FieldError("version", "api.versionRequired")));
        }
        return rules.update(code, change.version(), change.severity(), change.threshold(), change.active(),
                change.textZh(), change.textEn());
    }

    // ---- batches -------------------------------------------------------------------------------------

    @PostMapping("/api/comparison/batches")
    ResponseEntity<Batch> startBatch() {
        Batch batch = batches.start();
        return ResponseEntity.accepted().location(URI.create("/api/comparison/batches/" + batch.id())).body(batch);
    }

    @GetMapping("/api/comparison/batches")
    List<Batch> listBatches(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, 100));
        return batches.list(Math.max(0, page) * pageSize, pageSize);
    }

    /** Progress and, as it goes, the summary by rule and by street. */
    @GetMapping("/api/comparison/batches/{id}")
    ComparisonBatches.Summary batch(@PathVariable long id) {
        return batches.summary(id).orElseThrow(() -> new ComparisonNotFound("batch " + id));
    }

    @PostMapping("/api/comparison/batches/{id}/cancel")
    ResponseEntity<Void> cancelBatch(@PathVariable long id) {
        batches.cancel(id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/comparison/batches/{id}/export")
    ResponseEntity<byte[]> exportBatch(@PathVariable long id, Locale locale) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bangfu-comparison-batch-" + id + ".xlsx").build().toString())
                .body(batches.export(id, locale));
    }
}
