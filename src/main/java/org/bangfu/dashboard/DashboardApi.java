package org.bangfu.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.household.InvalidInput;
import org.bangfu.household.InvalidInput.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures for the bureau's big screen and other systems: the same as the screen shows, in the
 * caller's scope. Periods default to this year so far.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardApi {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Dashboard dashboard;
    private final DashboardReports reports;
    private final MessageSource messages;

    DashboardApi(Dashboard dashboard, DashboardReports reports, MessageSource messages) {
        this.dashboard = dashboard;
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId) {
        return dashboard.overview(filter(from, to, streetId, teamId));
    }

    /**
     * A section's figures as an Excel workbook, in the caller's language and scope: funnel, streets, teams, overdue,
     * field-work, money, distributions or trends (404 for any other).
     */
    @GetMapping(path = "/overview/{section}.xlsx", produces = XLSX)
    ResponseEntity<byte[]> overviewWorkbook(@PathVariable String section,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId,
            Locale locale) {
        DashboardSection part = DashboardSection.ofSlug(section).orElseThrow(() -> new UnknownSection(section));
        DashboardFilter filter = filter(from, to, streetId, teamId);
        byte[] workbook = reports.xlsx(filter, part, locale);
        return download(workbook, XLSX, ContentDisposition.attachment(),
                reports.xlsxFileName(filter, part, locale));
    }

    /**
     * The monthly report (统计月报) of a month ({@code 2026-11}) as a PDF, in the caller's language and scope; 400
     * for a month that is not one or is still to come.
     */
    @GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> monthlyReport(@RequestParam String month, @RequestParam(required = false) Long streetId,
            @RequestParam(required = false) Long teamId, Locale locale) {
        YearMonth reported = month(month);
        byte[] report = reports.monthlyReport(reported, streetId, teamId, locale);
        return download(report, MediaType.APPLICATION_PDF_VALUE, ContentDisposition.inline(),
                reports.monthlyReportFileName(reported, locale));
    }

    @GetMapping("/processes")
    List<ProcessMap.Process> processes() {
        return dashboard.processes();
    }

    @GetMapping("/processes/{key}")
    ProcessMap processMap(@PathVariable String key,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long streetId, @RequestParam(required = false) Long teamId) {
        return dashboard.processMap(key, filter(from, to, streetId, teamId));
    }

    @GetMapping(path = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    String diagram(@PathVariable String key) {
        return dashboard.diagram(key);
    }

    /** Rebuilds the read model from the modules' records (the district or an administrator). */
    @PostMapping("/rebuild")
    Map<String, Long> rebuild() {
        return Map.of("tookMs", dashboard.rebuild());
    }

    private DashboardFilter filter(LocalDate from, LocalDate to, Long streetId, Long teamId) {
        DashboardFilter year = dashboard.defaultFilter();
        LocalDate end = to == null ? year.to() : to;
        LocalDate start = from == null ? (to == null ? year.from() : end.withDayOfYear(1)) : from;
        if (end.isBefore(start)) {
            throw new InvalidInput(List.of(new FieldError("to", "dashboard.period.invalid")));
        }
        return new DashboardFilter(start, end, streetId, teamId);
    }

    private static YearMonth month(String month) {
        try {
            if (month.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(month);
            }
        } catch (DateTimeParseException e) {
            // a thirteenth month: refused below like any other text
        }
        throw new InvalidInput(List.of(new FieldError("month", "report.month.invalid")));
    }

    /** A file with its name in UTF-8 ({@code filename*}, RFC 5987), so that a Chinese name arrives whole. */
    private static ResponseEntity<byte[]> download(byte[] content, String type, ContentDisposition.Builder disposition,
            String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(name, StandardCharsets.UTF_8).build()
                        .toString())
                .body(content);
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e, Locale locale) {
        return e.toProblem(messages, locale);
    }
}
