package org.bangfu.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.bangfu.dashboard.Overview.MoneyFigures;
import org.bangfu.dashboard.Overview.MonthMoney;
import org.bangfu.dashboard.Overview.MonthTrend;
import org.bangfu.dashboard.Overview.PlaceLoad;
import org.bangfu.dashboard.Overview.PlaceMoney;
import org.bangfu.dashboard.Overview.Share;
import org.bangfu.dashboard.Overview.StageFigure;
import org.bangfu.dashboard.Overview.StageRow;
import org.bangfu.dashboard.Overview.StageTable;
import org.bangfu.dashboard.Overview.StepLoad;
import org.bangfu.dashboard.Overview.TeamFieldWork;
import org.bangfu.dashboard.Overview.Waiting;
import org.bangfu.dashboard.ReportTable.Ratio;
import org.bangfu.dashboard.ReportTable.Row;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A section of the {@link Overview} as tables with labels in the reader's language: the same figures the overview
 * has, with its totals. One source for the workbook and for the printed report.
 */
@Component
class ReportTables {

    private final MessageSource messages;
    private final CodeLists codes;

    ReportTables(MessageSource messages, CodeLists codes) {
        this.messages = messages;
        this.codes = codes;
    }

    List<ReportTable> of(DashboardSection section, Overview o, Locale locale) {
        Texts t = new Texts(messages, locale);
        String name = t.get("report.section." + section.name());
        return switch (section) {
            case FUNNEL -> List.of(funnel(name, o, t));
            case STREETS -> List.of(stages(name, "report.column.street", o.byStreet(), t));
            case TEAMS -> List.of(stages(name, "report.column.team", o.byTeam(), t));
            case OVERDUE -> overdue(o, t);
            case FIELD_WORK -> fieldWork(o, t);
            case MONEY -> money(o, t);
            case DISTRIBUTIONS -> distributions(o, t, locale);
            case TRENDS -> List.of(trends(name, o, t));
        };
    }

    private static ReportTable funnel(String caption, Overview o, Texts t) {
        List<Row> rows = new ArrayList<>();
        long entered = 0;
        long departed = 0;
        for (StageFigure s : o.stages()) {
            rows.add(row(stage(s.stage(), t), s.households(), s.entered(), s.departed()));
            entered += s.entered();
            departed += s.departed();
        }
        rows.add(total(t.get("report.column.total"), o.households(), entered, departed));
        return new ReportTable(caption, heads(t, "report.column.stage", "report.column.households",
                "report.column.entered", "report.column.departed"), rows, false);
    }

    private static ReportTable stages(String caption, String firstColumn, StageTable table, Texts t) {
        List<String> headers = new ArrayList<>(List.of(t.get(firstColumn)));
        Arrays.stream(HouseholdStage.values()).forEach(s -> headers.add(stage(s, t)));
        headers.add(t.get("report.column.total"));
        List<Row> rows = new ArrayList<>();
        for (StageRow r : table.rows()) {
            rows.add(new Row(stageCells(place(r.name(), t), r), false));
        }
        rows.add(new Row(stageCells(t.get("report.column.total"), table.total()), true));
        return new ReportTable(caption, headers, rows, true);
    }

    private static List<Object> stageCells(String name, StageRow r) {
        List<Object> cells = new ArrayList<>(List.of(name));
        Arrays.stream(HouseholdStage.values()).forEach(s -> cells.add(r.byStage().getOrDefault(s, 0L)));
        cells.add(r.total());
        return cells;
    }

    private static List<ReportTable> overdue(Overview o, Texts t) {
        Overview.Overdue d = o.overdue();
        List<Row> steps = new ArrayList<>();
        for (StepLoad s : d.steps()) {
            steps.add(row(process(s.processKey(), t), step(s.taskKey(), t), s.waiting(), s.overdue(), s.medianDays()));
        }
        steps.add(total(t.get("report.column.total"), null, d.waiting(), d.overdue(), null));
        List<Row> longest = new ArrayList<>();
        for (Waiting w : d.longestWaiting()) {
            longest.add(row(w.headName(), process(w.processKey(), t), step(w.taskKey(), t), w.waitingSince(), w.dueOn(),
                    w.waitingDays(), t.get(w.overdue() ? "report.yes" : "report.no")));
        }
        return List.of(
                new ReportTable(t.get("report.table.bySteps"), heads(t, "report.column.process", "report.column.step",
                        "report.column.waiting", "report.column.overdue", "report.column.medianDays"), steps, false),
                loads(t.get("report.table.byStreets"), "report.column.street", d.streets(), d, t),
                loads(t.get("report.table.byTeams"), "report.column.team", d.teams(), d, t),
                new ReportTable(t.get("report.table.longestWaiting"), heads(t, "report.column.head",
                        "report.column.process", "report.column.step", "report.column.waitingSince",
                        "report.column.dueOn", "report.column.waitingDays", "report.column.isOverdue"), longest, false));
    }

    private static ReportTable loads(String caption, String firstColumn, List<PlaceLoad> loads, Overview.Overdue d,
            Texts t) {
        List<Row> rows = new ArrayList<>();
        loads.forEach(l -> rows.add(row(place(l.name(), t), l.waiting(), l.overdue())));
        rows.add(total(t.get("report.column.total"), d.waiting(), d.overdue()));
        return new ReportTable(caption, heads(t, firstColumn, "report.column.waiting", "report.column.overdue"), rows,
                false);
    }

    private static List<ReportTable> fieldWork(Overview o, Texts t) {
        Overview.FieldWork f = o.fieldWork();
        List<Row> rows = new ArrayList<>();
        for (TeamFieldWork w : f.teams()) {
            rows.add(row(place(w.name(), t), w.visitsDue(), w.visitsOverdue(), w.reviewsDue(), w.reviewsOverdue()));
        }
        TeamFieldWork sum = f.total();
        rows.add(total(t.get("report.column.total"), sum.visitsDue(), sum.visitsOverdue(), sum.reviewsDue(),
                sum.reviewsOverdue()));
        String soon = String.valueOf(f.soonDays());
        return List.of(
                new ReportTable(t.get("report.table.byTeams"), List.of(t.get("report.column.team"),
                        t.get("report.column.visitsDue", soon), t.get("report.column.visitsOverdue"),
                        t.get("report.column.reviewsDue", soon), t.get("report.column.reviewsOverdue")), rows, false),
                new ReportTable(t.get("report.table.exits"), heads(t, "report.column.exitsProposed",
                        "report.column.exitsCompleted"), List.of(row(f.exitsProposed(), f.exitsCompleted())), false));
    }

    private static List<ReportTable> money(Overview o, Texts t) {
        Overview.Funds f = o.funds();
        List<String> moneyHeads = heads(t, "report.column.arranged", "report.column.requested", "report.column.approved",
                "report.column.paid", "report.column.remaining");
        List<Row> months = new ArrayList<>();
        Money requested = Money.ZERO;
        Money approved = Money.ZERO;
        Money paid = Money.ZERO;
        for (MonthMoney m : f.months()) {
            months.add(row(m.month().toString(), m.requested(), m.approved(), m.paid()));
            requested = requested.plus(m.requested());
            approved = approved.plus(m.approved());
            paid = paid.plus(m.paid());
        }
        months.add(total(t.get("report.column.total"), requested, approved, paid));
        return List.of(
                new ReportTable(t.get("report.table.fundsTotal", String.valueOf(f.year())), moneyHeads,
                        List.of(new Row(moneyCells(null, f.total()), true)), false),
                places(t.get("report.table.byStreets"), "report.column.street", f.streets(), f.total(), t, moneyHeads),
                places(t.get("report.table.byTeams"), "report.column.team", f.teams(), f.total(), t, moneyHeads),
                new ReportTable(t.get("report.table.byMonths"), heads(t, "report.column.month",
                        "report.column.requested", "report.column.approved", "report.column.paid"), months, false));
    }

    private static ReportTable places(String caption, String firstColumn, List<PlaceMoney> places, MoneyFigures total,
            Texts t, List<String> moneyHeads) {
        List<String> headers = new ArrayList<>(List.of(t.get(firstColumn)));
        headers.addAll(moneyHeads);
        List<Row> rows = new ArrayList<>();
        places.forEach(p -> rows.add(new Row(moneyCells(place(p.name(), t), p.money()), false)));
        rows.add(new Row(moneyCells(t.get("report.column.total"), total), true));
        return new ReportTable(caption, headers, rows, false);
    }

    /** The five amounts, after a name unless {@code name} is null. */
    private static List<Object> moneyCells(String name, MoneyFigures m) {
        List<Object> cells = new ArrayList<>();
        if (name != null) {
            cells.add(name);
        }
        cells.addAll(List.of(m.arranged(), m.requested(), m.approved(), m.paid(), m.remaining()));
        return cells;
    }

    private List<ReportTable> distributions(Overview o, Texts t, Locale locale) {
        return List.of(
                shares(t.get("report.table.attributes"), "report.column.attribute", o.attributes(),
                        code -> t.orElse("attribute." + code, code), t),
                shares(t.get("report.table.causes"), "report.column.cause", o.causes(),
                        code -> code.isEmpty() ? t.get("report.cause.none") : codes.label(CodeLists.CAUSE, code, locale),
                        t));
    }

    private static ReportTable shares(String caption, String firstColumn, List<Share> shares,
            Function<String, String> label, Texts t) {
        long all = shares.stream().mapToLong(Share::households).sum();
        List<Row> rows = new ArrayList<>();
        shares.forEach(s -> rows.add(row(label.apply(s.code()), s.households(),
                new Ratio(all == 0 ? 0 : (double) s.households() / all))));
        rows.add(total(t.get("report.column.total"), all, new Ratio(all == 0 ? 0 : 1)));
        return new ReportTable(caption, heads(t, firstColumn, "report.column.households", "report.column.share"), rows,
                false);
    }

    private static ReportTable trends(String caption, Overview o, Texts t) {
        List<Row> rows = new ArrayList<>();
        long[] sums = new long[4];
        Money paid = Money.ZERO;
        for (MonthTrend m : o.trends()) {
            rows.add(row(m.month().toString(), m.casesStarted(), m.filed(), m.paired(), m.exited(), m.paid()));
            sums[0] += m.casesStarted();
            sums[1] += m.filed();
            sums[2] += m.paired();
            sums[3] += m.exited();
            paid = paid.plus(m.paid());
        }
        rows.add(total(t.get("report.column.total"), sums[0], sums[1], sums[2], sums[3], paid));
        return new ReportTable(caption, heads(t, "report.column.month", "report.column.casesStarted",
                "report.column.filed", "report.column.paired", "report.column.exited", "report.column.paid"), rows,
                false);
    }

    // ---- labels ----------------------------------------------------------------------------------------------

    static String stage(HouseholdStage stage, Texts t) {
        return t.get("stage." + stage.name());
    }

    static String process(String processKey, Texts t) {
        return t.orElse("process." + processKey, processKey);
    }

    static String step(String taskKey, Texts t) {
        return t.orElse("task." + taskKey, taskKey);
    }

    /** A street or team by name; a row without one is the households without a team yet. */
    static String place(String name, Texts t) {
        return name == null ? t.get("report.noTeam") : name;
    }

    private static List<String> heads(Texts t, String... keys) {
        return Arrays.stream(keys).map(t::get).toList();
    }

    private static Row row(Object... cells) {
        return new Row(Arrays.asList(cells), false);
    }

    private static Row total(Object... cells) {
        return new Row(Arrays.asList(cells), true);
    }
}
