package org.bangfu.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.dashboard.Overview.Funds;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dashboard to take away: a section's figures as an Excel workbook, and the monthly report (统计月报) as a PDF
 * for the leadership meeting, its figures as tables and its charts as pictures. Both read the {@link Dashboard}, so
 * each reader gets their own scope (a street officer's report is of their street). Texts are in the reader's
 * language; dates are Beijing time.
 */
@Service
public class DashboardReports {

    private final Dashboard dashboard;
    private final Organisation organisation;
    private final ReportTables tables;
    private final MonthlyReportDocument document;
    private final PdfDocuments pdf;
    private final MessageSource messages;
    private final Clock clock;

    DashboardReports(Dashboard dashboard, Organisation organisation, ReportTables tables,
            MonthlyReportDocument document, PdfDocuments pdf, MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.organisation = organisation;
        this.tables = tables;
        this.document = document;
        this.pdf = pdf;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A section's figures as a workbook (.xlsx): a sheet per table, each titled with the section and naming the
     * period, the street or team and the day it was made.
     */
    public byte[] xlsx(DashboardFilter filter, DashboardSection section, Locale locale) {
        Overview overview = dashboard.overview(filter);
        Texts t = new Texts(messages, locale);
        List<String> about = new ArrayList<>(List.of(
                t.get("report.period") + t.get("report.colon") + period(overview.filter(), t),
                t.get("report.scope") + t.get("report.colon") + scope(overview.filter(), t)));
        if (section == DashboardSection.MONEY) {
            about.add(t.get("report.fundsYear") + t.get("report.colon") + overview.funds().year());
        }
        about.add(t.get("report.madeOn") + t.get("report.colon") + today());
        return ReportWorkbook.write(t.get("report.section." + section.name()), String.join(t.get("report.separator"),
                about), tables.of(section, overview, locale));
    }

    /** The name a section's workbook is saved under: 驾驶舱-帮扶资金-2026-01-01至2026-12-07.xlsx. */
    public String xlsxFileName(DashboardFilter filter, DashboardSection section, Locale locale) {
        Texts t = new Texts(messages, locale);
        return t.get("report.file.xlsx", t.get("report.section." + section.name()), filter.from().toString(),
                filter.to().toString());
    }

    /**
     * The monthly report of a month up to this one, as a PDF: the month from its first day to its last (to today for
     * this month), the funds of its year; money and trends month by month from January, so that months compare.
     *
     * @throws InvalidInput a month still to come, or none
     */
    public byte[] monthlyReport(YearMonth month, Long streetId, Long teamId, Locale locale) {
        LocalDate today = today();
        if (month == null || month.isAfter(YearMonth.from(today))) {
            throw new InvalidInput(List.of(new FieldError("month", "report.month.invalid")));
        }
        DashboardFilter filter = period(month, today, streetId, teamId);
        Overview overview = dashboard.overview(filter);
        Overview year = dashboard.overview(new DashboardFilter(filter.from().withDayOfYear(1), filter.to(), streetId,
                teamId));
        Funds funds = overview.funds();
        Overview printed = new Overview(overview.filter(), overview.today(), overview.households(), overview.stages(),
                overview.byStreet(), overview.byTeam(), overview.overdue(), overview.fieldWork(),
                new Funds(funds.year(), funds.total(), funds.streets(), funds.teams(), year.funds().months()),
                overview.attributes(), overview.causes(), year.trends());
        Texts t = new Texts(messages, locale);
        return pdf.pdf(document.xhtml(new MonthlyReportDocument.Contents(month, printed, scope(overview.filter(), t),
                today, locale)));
    }

    /** The name the monthly report is saved under: 统计月报-2026-11.pdf. */
    public String monthlyReportFileName(YearMonth month, Locale locale) {
        return new Texts(messages, locale).get("report.file.pdf", month.toString());
    }

    /** A month's period: from its first day to its last, or to today while it lasts. */
    static DashboardFilter period(YearMonth month, LocalDate today, Long streetId, Long teamId) {
        LocalDate end = month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth();
        return new DashboardFilter(month.atDay(1), end, streetId, teamId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String period(DashboardFilter filter, Texts t) {
        return t.get("report.period.value", filter.from().toString(), filter.to().toString());
    }

    /** What the figures are of: the street, the team, both, or the whole district. */
    private String scope(DashboardFilter filter, Texts t) {
        List<String> names = new ArrayList<>();
        if (filter.streetId() != null) {
            names.add(organisation.street(filter.streetId()).map(Street::name).orElse(String.valueOf(filter.streetId())));
        }
        if (filter.teamId() != null) {
            names.add(organisation.team(filter.teamId()).map(Team::name).orElse(String.valueOf(filter.teamId())));
        }
        return names.isEmpty() ? t.get("report.scope.district") : String.join(" · ", names);
    }
}
