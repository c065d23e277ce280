package org.bangfu.dashboard;

import static org.bangfu.shared.PdfDocuments.escape;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.bangfu.dashboard.Overview.MonthMoney;
import org.bangfu.dashboard.Overview.MonthTrend;
import org.bangfu.dashboard.Overview.PlaceLoad;
import org.bangfu.dashboard.Overview.PlaceMoney;
import org.bangfu.dashboard.Overview.Share;
import org.bangfu.dashboard.Overview.StageRow;
import org.bangfu.dashboard.Overview.TeamFieldWork;
import org.bangfu.dashboard.ReportCharts.Figures;
import org.bangfu.dashboard.ReportCharts.Picture;
import org.bangfu.dashboard.ReportTable.Ratio;
import org.bangfu.household.CodeLists;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Money;
import org.bangfu.shared.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly report (统计月报) as XHTML for the PDF renderer: a head naming the month, scope, period, funds' year
 * and the day printed, the key figures, then a numbered part per {@link DashboardSection}, its charts as pictures
 * above its tables. Wide tables of stages leave out the stages no household is at (the workbook has them all).
 */
@Component
class MonthlyReportDocument {

    /** The printed width of a chart. */
    private static final int CHART_MM = 170;

    /**
     * What is printed. The overview is the month's, except its money and trends month by month, which run from
     * January so that the months can be compared.
     */
    record Contents(YearMonth month, Overview overview, String scope, LocalDate printedOn, Locale locale) {
    }

    private final MessageSource messages;
    private final ReportTables tables;
    private final ReportCharts charts;
    private final CodeLists codes;

    MonthlyReportDocument(MessageSource messages, ReportTables tables, ReportCharts charts, CodeLists codes) {
        this.messages = messages;
        this.tables = tables;
        this.charts = charts;
        this.codes = codes;
    }

    String xhtml(Contents c) {
        Texts t = new Texts(messages, c.locale());
        Overview o = c.overview();
        String month = month(c.month(), t);
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"head\"><h1>").append(escape(t.get("report.title"))).append("</h1><p class=\"month\">")
                .append(escape(month)).append("</p><table class=\"facts\"><tr>");
        fact(b, t.get("report.scope"), c.scope());
        fact(b, t.get("report.period"), t.get("report.period.value", o.filter().from().toString(),
                o.filter().to().toString()));
        b.append("</tr><tr>");
        fact(b, t.get("report.fundsYear"), String.valueOf(o.funds().year()));
        fact(b, t.get("report.printedOn"), BureauTime.date(c.printedOn()));
        b.append("</tr></table><table class=\"summary\"><tr>");
        keyFigure(b, String.format(Locale.ROOT, "%,d", o.households()), t.get("report.summary.households"));
        keyFigure(b, String.format(Locale.ROOT, "%,d / %,d", o.overdue().waiting(), o.overdue().overdue()),
                t.get("report.summary.steps"));
        keyFigure(b, o.funds().total().arranged().format(), t.get("report.summary.arranged"));
        keyFigure(b, o.funds().total().paid().format(), t.get("report.summary.paid"));
        b.append("</tr></table></div>");
        String[] numerals = t.get("report.numerals").split(",");
        for (DashboardSection section : DashboardSection.values()) {
            b.append("<div class=\"section\"><h2>").append(escape(t.get("report.heading",
                    numerals[section.ordinal()], t.get("report.section." + section.name())))).append("</h2>");
            note(b, section, o, t);
            for (Picture chart : charts(section, o, t)) {
                b.append("<p class=\"chart\"><img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(chart.png())).append("\" style=\"width: ")
                        .append(CHART_MM).append("mm; height: ")
                        .append(String.format(Locale.ROOT, "%.1f", (double) CHART_MM * chart.height() / chart.width()))
                        .append("mm\"/></p>");
            }
            List<ReportTable> sectionTables = tables.of(section, o, c.locale());
            for (ReportTable table : sectionTables) {
                table(b, table, sectionTables.size() > 1, t);
            }
            b.append("</div>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
                + c.locale().toLanguageTag() + "\"><head><meta charset=\"UTF-8\"/><title>"
                + escape(t.get("report.title") + " " + month) + "</title><style>"
                + style(t.get("report.footer", t.get("report.title"), month, "\" counter(page) \"",
                        "\" counter(pages) \""))
                + "</style></head><body>" + b + "</body></html>";
    }

    /** The month as the language writes it: 2026年11月, November 2026. */
    static String month(YearMonth month, Texts t) {
        return DateTimeFormatter.ofPattern(t.get("report.monthPattern"), t.locale()).format(month);
    }

    private static void note(StringBuilder b, DashboardSection section, Overview o, Texts t) {
        String key = switch (section) {
            case FUNNEL, FIELD_WORK -> "report.note.now";
            case STREETS, TEAMS -> "report.note.stages";
            case OVERDUE -> "report.note.overdue";
            case MONEY -> "report.note.money";
            case DISTRIBUTIONS -> "report.note.distributions";
            case TRENDS -> "report.note.trends";
        };
        b.append("<p class=\"note\">").append(escape(t.get(key, String.valueOf(o.funds().year()),
                o.today().toString()))).append("</p>");
    }

    // ---- charts ------------------------------------------------------------------------------------------------

    private List<Picture> charts(DashboardSection section, Overview o, Texts t) {
        List<Picture> pictures = new ArrayList<>();
        switch (section) {
            case FUNNEL -> bars(pictures, o.stages().stream().map(s -> ReportTables.stage(s.stage(), t)).toList(),
                    List.of(t.get("report.column.households")),
                    values(o.stages(), s -> s.households()), false);
            case STREETS -> stageTotals(pictures, o.byStreet().rows(), t);
            case TEAMS -> stageTotals(pictures, o.byTeam().rows(), t);
            case OVERDUE -> bars(pictures, names(o.overdue().streets(), PlaceLoad::name, t),
                    List.of(t.get("report.column.waiting"), t.get("report.column.overdue")),
                    values(o.overdue().streets(), PlaceLoad::waiting, PlaceLoad::overdue), false);
            case FIELD_WORK -> {
                List<TeamFieldWork> teams = o.fieldWork().teams();
                String soon = String.valueOf(o.fieldWork().soonDays());
                bars(pictures, names(teams, TeamFieldWork::name, t),
                        List.of(t.get("report.column.visitsDue", soon), t.get("report.column.visitsOverdue"),
                                t.get("report.column.reviewsDue", soon), t.get("report.column.reviewsOverdue")),
                        values(teams, TeamFieldWork::visitsDue, TeamFieldWork::visitsOverdue,
                                TeamFieldWork::reviewsDue, TeamFieldWork::reviewsOverdue), false);
            }
            case MONEY -> {
                List<MonthMoney> months = o.funds().months();
                Figures byMonth = new Figures(months.stream().map(m -> m.month().toString()).toList(),
                        List.of(t.get("report.chart.requested"), t.get("report.chart.approved"),
                                t.get("report.chart.paid")),
                        values(months, m -> yuan(m.requested()), m -> yuan(m.approved()), m -> yuan(m.paid())), true);
                if (byMonth.max() > 0) {
                    pictures.add(charts.columns(byMonth));
                }
                List<PlaceMoney> streets = o.funds().streets();
                bars(pictures, names(streets, PlaceMoney::name, t),
                        List.of(t.get("report.chart.arranged"), t.get("report.chart.paid")),
                        values(streets, p -> yuan(p.money().arranged()), p -> yuan(p.money().paid())), true);
            }
            case DISTRIBUTIONS -> {
                Figures attributes = new Figures(o.attributes().stream()
                        .map(s -> t.orElse("attribute." + s.code(), s.code())).toList(),
                        List.of(t.get("report.column.households")), values(o.attributes(), Share::households), false);
                if (attributes.max() > 0) {
                    pictures.add(charts.pie(attributes));
                }
                bars(pictures, o.causes().stream().map(s -> s.code().isEmpty() ? t.get("report.cause.none")
                        : codes.label(CodeLists.CAUSE, s.code(), t.locale())).toList(),
                        List.of(t.get("report.column.households")), values(o.causes(), Share::households), false);
            }
            case TRENDS -> {
                List<MonthTrend> trends = o.trends();
                Figures lines = new Figures(trends.stream().map(m -> m.month().toString()).toList(),
                        List.of(t.get("report.column.casesStarted"), t.get("report.column.filed"),
                                t.get("report.column.paired"), t.get("report.column.exited")),
                        values(trends, MonthTrend::casesStarted, MonthTrend::filed, MonthTrend::paired,
                                MonthTrend::exited), false);
                if (lines.max() > 0) {
                    pictures.add(charts.lines(lines));
                }
            }
        }
        return pictures;
    }

    private void stageTotals(List<Picture> pictures, List<StageRow> rows, Texts t) {
        bars(pictures, names(rows, StageRow::name, t), List.of(t.get("report.column.households")),
                values(rows, StageRow::total), false);
    }

    /** Bars, unless there is nothing to draw. */
    private void bars(List<Picture> pictures, List<String> categories, List<String> series, double[][] values,
            boolean money) {
        Figures figures = new Figures(categories, series, values, money);
        if (!categories.isEmpty() && figures.max() > 0) {
            pictures.add(charts.bars(figures));
        }
    }

    private static <T> List<String> names(List<T> rows, Function<T, String> name, Texts t) {
        return rows.stream().map(r -> ReportTables.place(name.apply(r), t)).toList();
    }

    @SafeVarargs
    private static <T> double[][] values(List<T> rows, ToDoubleFunction<T>... series) {
        return Arrays.stream(series).map(s -> rows.stream().mapToDouble(s).toArray()).toArray(double[][]::new);
    }

    private static double yuan(Money money) {
        return money.yuan().doubleValue();
    }

    // ---- tables ------------------------------------------------------------------------------------------------

    private static void table(StringBuilder b, ReportTable table, boolean caption, Texts t) {
        List<Integer> columns = IntStream.range(0, table.headers().size())
                .filter(c -> !table.stageColumns() || c == 0 || c == table.headers().size() - 1
                        || table.rows().stream().anyMatch(r -> !Long.valueOf(0).equals(r.cells().get(c))))
                .boxed().toList();
        if (caption) {
            b.append("<p class=\"caption\">").append(escape(table.caption())).append("</p>");
        }
        b.append("<table class=\"grid").append(columns.size() > 8 ? " wide" : "").append("\"><thead><tr>");
        columns.forEach(c -> b.append("<th>").append(escape(table.headers().get(c))).append("</th>"));
        b.append("</tr></thead><tbody>");
        if (table.rows().isEmpty()) {
            b.append("<tr><td colspan=\"").append(columns.size()).append("\" class=\"none\">")
                    .append(escape(t.get("report.none"))).append("</td></tr>");
        }
        for (ReportTable.Row row : table.rows()) {
            b.append(row.total() ? "<tr class=\"total\">" : "<tr>");
            for (int c : columns) {
                Object value = row.cells().get(c);
                boolean text = value == null || value instanceof String;
                b.append(text ? "<td>" : "<td class=\"num\">").append(escape(cell(value))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (columns.size() < table.headers().size()) {
            b.append("<p class=\"note\">").append(escape(t.get("report.note.stagesLeftOut"))).append("</p>");
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Money m) {
            return m.format();
        }
        if (value instanceof Long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (value instanceof Ratio r) {
            return String.format(Locale.ROOT, "%.1f%%", r.value() * 100);
        }
        return value.toString();
    }

    private static void fact(StringBuilder b, String label, String value) {
        b.append("<th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td>");
    }

    private static void keyFigure(StringBuilder b, String figure, String label) {
        b.append("<td><p class=\"figure\">").append(escape(figure)).append("</p><p class=\"label\">")
                .append(escape(label)).append("</p></td>");
    }

    /** Text for inside a CSS string in the XHTML's style element. */
    private static String css(String text) {
        return escape(text.replace("\\", ""));
    }

    private static String style(String footer) {
        return """
                @page { size: A4; margin: 16mm 15mm 18mm 15mm;
                  @bottom-center { content: "%s"; font-family: '%s'; font-size: 8pt; color: #555; } }
                body { font-family: '%s'; font-size: 9.5pt; line-height: 1.45; color: #000; }
                .head { text-align: center; border-bottom: 1.6pt solid #a0001e; padding: 0 0 3mm 0; margin: 0 0 4mm 0; }
                h1 { font-size: 26pt; letter-spacing: 8pt; color: #a0001e; margin: 2mm 0 1mm 0; font-weight: bold; }
                .month { font-size: 14pt; margin: 0 0 4mm 0; }
                table.facts { width: 100%%; border-collapse: collapse; margin: 0 0 3mm 0; }
                table.facts th { text-align: right; font-weight: bold; width: 14%%; padding: 1mm 2mm; }
                table.facts td { text-align: left; width: 36%%; padding: 1mm 2mm; }
                table.summary { width: 100%%; border-collapse: collapse; }
                table.summary td { width: 25%%; text-align: center; border: 0.6pt solid #bbb; padding: 2mm 1mm; }
                table.summary p { margin: 0; }
                table.summary .figure { font-size: 15pt; font-weight: bold; color: #a0001e; }
                table.summary .label { font-size: 8.5pt; color: #444; }
                .section { page-break-inside: auto; }
                h2 { font-size: 13pt; font-weight: bold; margin: 6mm 0 2mm 0; padding: 0 0 1mm 0;
                  border-bottom: 1pt solid #a0001e; page-break-after: avoid; }
                p.caption { font-weight: bold; margin: 3mm 0 1mm 0; page-break-after: avoid; }
                p.note { font-size: 8pt; color: #555; margin: 0 0 2mm 0; }
                p.chart { text-align: center; margin: 1mm 0 2mm 0; page-break-inside: avoid; }
                table.grid { width: 100%%; border-collapse: collapse; margin: 0 0 3mm 0; -fs-table-paginate: paginate; }
                table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
                table.grid th { background: #f3f3f3; font-weight: bold; text-align: center; }
                table.grid tr { page-break-inside: avoid; }
                table.grid td.num { text-align: right; }
                table.grid td.none { text-align: center; color: #666; }
                table.grid tr.total td { font-weight: bold; background: #faf3f3; }
                table.wide { font-size: 7.5pt; }
                table.wide th, table.wide td { padding: 0.8mm 0.8mm; }
                """.formatted(css(footer), PdfDocuments.FONT_FAMILY, PdfDocuments.FONT_FAMILY);
    }
}
