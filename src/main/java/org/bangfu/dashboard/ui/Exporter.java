package org.bangfu.dashboard.ui;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.dashboard.DashboardReports;
import org.bangfu.dashboard.DashboardSection;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** The dashboard's downloads: a card's figures as a workbook; the monthly report (统计月报) of a chosen month. */
@Component
class Exporter {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DashboardReports reports;

    Exporter(DashboardReports reports) {
        this.reports = reports;
    }

    /** A link downloading a section's figures, as filtered, in the reader's language. */
    com.vaadin.flow.component.Component section(com.vaadin.flow.component.Component owner, DashboardFilter filter,
            DashboardSection section) {
        Locale locale = UI.getCurrent().getLocale();
        String name = reports.xlsxFileName(filter, section, locale);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] workbook = reports.xlsx(filter, section, locale);
            return new DownloadResponse(new ByteArrayInputStream(workbook), name, XLSX, workbook.length);
        }), "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(owner.getTranslation("dashboard.export")));
        link.addClassName("bf-dash-export");
        link.setId("dash-export-" + section.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        link.getElement().setAttribute("aria-label", owner.getTranslation("dashboard.export.of",
                owner.getTranslation("report.section." + section.name())));
        return link;
    }

    /**
     * A month to choose (this month and the eleven before) and a link downloading its report as a PDF, of the street
     * and team the dashboard shows at the time.
     */
    com.vaadin.flow.component.Component monthlyReport(com.vaadin.flow.component.Component owner, FilterBar filters,
            Supplier<DashboardFilter> current) {
        Locale locale = UI.getCurrent().getLocale();
        YearMonth now = YearMonth.from(filters.defaults().to());
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(now.minusMonths(i));
        }
        Select<YearMonth> month = new Select<>();
        month.setItems(months);
        // early in a month the meeting looks back at the month before
        month.setValue(filters.defaults().to().getDayOfMonth() <= 10 ? now.minusMonths(1) : now);
        month.setItemLabelGenerator(m -> owner.getTranslation("dashboard.report.month", m.getYear(), m.getMonthValue()));
        month.setId("dash-report-month");
        month.setAriaLabel(owner.getTranslation("dashboard.report.choose"));
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            DashboardFilter filter = current.get();
            YearMonth chosen = month.getValue();
            byte[] pdf = reports.monthlyReport(chosen, filter.streetId(), filter.teamId(), locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), reports.monthlyReportFileName(chosen, locale),
                    "application/pdf", pdf.length);
        }), "");
        link.add(VaadinIcon.FILE_TEXT_O.create(), new Span(owner.getTranslation("dashboard.report")));
        link.setId("dash-report");
        link.addClassName("bf-dash-action");
        HorizontalLayout report = new HorizontalLayout(month, link);
        report.setAlignItems(Alignment.CENTER);
        report.setSpacing(true);
        return report;
    }
}
