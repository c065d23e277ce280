package org.bangfu.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's figures for the bureau's big screen and other systems: the same as the screen shows, in the
 * caller's scope. Periods default to this year so far.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "dashboard", description = "领导驾驶舱: the leadership dashboard's figures, in the caller's scope (the whole "
        + "district for the leadership, the district and administrators; a street officer's street; a team's own "
        + "households); from Bangfu's read model, never from the engine's history")
class DashboardApi {

    private static final String FROM = "first day of the period (ISO date; default: 1 January of the year of `to`, or of "
            + "this year)";
    private static final String TO = "last day of the period (ISO date; default: today in the bureau's zone)";
    private static final String STREET = "only this street's households (narrowed to the caller's scope)";
    private static final String TEAM = "only this team's households (narrowed to the caller's scope)";

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Dashboard dashboard;
    private final DashboardReports reports;
    private final MessageSource messages;

    DashboardApi(Dashboard dashboard, DashboardReports reports, MessageSource messages) {
        this.dashboard = dashboard;
        this.reports = reports;
        this.messages = messages;
    }

    @Operation(summary = "Every figure of the overview", description = "Households per stage now, and entered and left "
            + "in the period; stage x street and stage x team with totals; steps waiting and overdue per step, street "
            + "and team, and the cases waiting longest; visits and reviews due per team, exits; money arranged, "
            + "requested, approved and paid per street, team and month against the year's arrangement (the year the "
            + "period ends in); households by class and main cause; monthly trends. Money as strings of yuan with two "
            + "decimals. 400 when `to` is before `from`.")
    @GetMapping("/overview")
    Overview overview(
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = STREET) @RequestParam(required = false) Long streetId,
            @Parameter(description = TEAM) @RequestParam(required = false) Long teamId) {
        return dashboard.overview(filter(from, to, streetId, teamId));
    }

    /**
     * A section's figures as an Excel workbook, in the caller's language and scope: funnel, streets, teams, overdue,
     * field-work, money, distributions or trends (404 for any other).
     */
    @Operation(summary = "A section's figures as an Excel workbook", description = "Sections: funnel, streets, teams, "
            + "overdue, field-work, money, distributions, trends; 404 for any other. In the caller's language "
            + "(Accept-Language; Chinese by default).")
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
    @Operation(summary = "The monthly report (统计月报) as a PDF", description = "`month` as 2026-11, this month or "
            + "one before; tables and charts, in the caller's language (Chinese by default) with the shipped font.")
    @GetMapping(path = "/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> monthlyReport(@RequestParam String month, @RequestParam(required = false) Long streetId,
            @RequestParam(required = false) Long teamId, Locale locale) {
        YearMonth reported = month(month);
        byte[] report = reports.monthlyReport(reported, streetId, teamId, locale);
        return download(report, MediaType.APPLICATION_PDF_VALUE, ContentDisposition.inline(),
                reports.monthlyReportFileName(reported, locale));
    }

    @Operation(summary = "The processes a heat map can be drawn of", description = "The latest version of each deployed "
            + "process: its key and name.")
    @GetMapping("/processes")
    List<ProcessMap.Process> processes() {
        return dashboard.processes();
    }

    @Operation(summary = "A process's heat map (流程热力图)", description = "Per step with cases waiting (its BPMN "
            + "element id as taskKey): cases waiting, of which past their due date, the median wait in days, and the "
            + "load between 0 and 1 against the busiest step. 404 for a process not deployed.")
    @GetMapping("/processes/{key}")
    ProcessMap processMap(@PathVariable String key,
            @Parameter(description = FROM) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = STREET) @RequestParam(required = false) Long streetId,
            @Parameter(description = TEAM) @RequestParam(required = false) Long teamId) {
        return dashboard.processMap(key, filter(from, to, streetId, teamId));
    }

    @Operation(summary = "The BPMN 2.0 XML of a process's latest version", description = "To draw the heat map with any "
            + "BPMN viewer.")
    @GetMapping(path = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    String diagram(@PathVariable String key) {
        return dashboard.diagram(key);
    }

    /** Rebuilds the read model from the modules' records (the district or an administrator). */
    @Operation(summary = "Rebuild the read model from scratch", description = "The district or an administrator; "
            + "answers how long it took in ms.")
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
}
