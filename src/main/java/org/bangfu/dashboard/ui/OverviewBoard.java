package org.bangfu.dashboard.ui;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.dashboard.DashboardSection;
import org.bangfu.dashboard.Overview;
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
import org.bangfu.dashboard.ui.ChartOptions.Series;
import org.bangfu.dashboard.ui.ChartOptions.Slice;
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.Money;
import org.bangfu.shell.Chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;

/**
 * The overview's figures as cards, each a chart with its table: the procedure's funnel, stages per street and per
 * team, overdue work, field work, money, distributions and trends. Every count that a list can show opens that
 * list, filtered the same way (tasks, households, visits, the funds' ledger); charts open them too.
 */
final class OverviewBoard extends Div {

    /** What a card can offer beside its figures: the download of its figures as a workbook. */
    interface Exports {
        Component button(DashboardSection section);
    }

    private final Overview overview;
    private final DashboardFilter filter;
    private final Function<String, String> causes;
    private final NumberFormat numbers;
    private final Exports exports;

    OverviewBoard(Overview overview, Set<DashboardSection> sections, Function<String, String> causes, Exports exports) {
        this.overview = overview;
        this.filter = overview.filter();
        this.causes = causes;
        this.exports = exports;
        Locale locale = UI.getCurrent() == null ? Locale.SIMPLIFIED_CHINESE : UI.getCurrent().getLocale();
        this.numbers = NumberFormat.getIntegerInstance(locale);
        addClassName("bf-dash-board");
        setId("dash-board");
        add(keyFigures());
        for (DashboardSection section : sections.isEmpty() ? EnumSet.noneOf(DashboardSection.class)
                : EnumSet.copyOf(sections)) {
            add(switch (section) {
                case FUNNEL -> funnel();
                case STREETS -> stages(DashboardSection.STREETS, overview.byStreet(), "street");
                case TEAMS -> stages(DashboardSection.TEAMS, overview.byTeam(), "team");
                case OVERDUE -> overdue();
                case FIELD_WORK -> fieldWork();
                case MONEY -> money();
                case DISTRIBUTIONS -> distributions();
                case TRENDS -> trends();
            });
        }
    }

    // ---- the key figures ------------------------------------------------------------------------------------

    private Component keyFigures() {
        Div figures = new Div();
        figures.addClassName("bf-dash-kpis");
        MoneyFigures money = overview.funds().total();
        figures.add(kpi("households", number(overview.households()), "dashboard.kpi.households",
                href("households", params())));
        figures.add(kpi("waiting", number(overview.overdue().waiting()), "dashboard.kpi.waiting",
                href("tasks", tasks())));
        figures.add(kpi("overdue", number(overview.overdue().overdue()), "dashboard.kpi.overdue",
                href("tasks", overdueTasks())));
        figures.add(kpi("arranged", yuan(money.arranged()), "dashboard.kpi.arranged",
                href("funds", ledger("ARRANGED"))));
        figures.add(kpi("paid", yuan(money.paid()), "dashboard.kpi.paid", href("funds", ledger("PAID"))));
        figures.add(kpi("visits-overdue", number(overview.fieldWork().total().visitsOverdue()),
                "dashboard.kpi.visitsOverdue", href("visits", visits(null, "overdue"))));
        return figures;
    }

    private Component kpi(String id, String value, String labelKey, String href) {
        return tile("dash-kpi-" + id, value, getTranslation(labelKey), href);
    }

    /** A key figure in a tile that opens its list. */
    static Component tile(String id, String value, String label, String href) {
        Anchor tile = anchor(href);
        tile.setId(id);
        tile.addClassName("bf-dash-kpi");
        Span figure = new Span(value);
        figure.addClassName("bf-dash-kpi-value");
        Span text = new Span(label);
        text.addClassName("bf-dash-kpi-label");
        tile.add(figure, text);
        return tile;
    }

    // ---- the procedure ---------------------------------------------------------------------------------------

    private Component funnel() {
        List<StageFigure> stages = overview.stages();
        // the procedure as a funnel: how many households got at least as far as each stage (those exited went all
        // the way); households found not eligible left it at a stage not recorded here and are in the table only
        List<HouseholdStage> procedure = List.of(HouseholdStage.values()).stream()
                .filter(s -> s != HouseholdStage.NOT_ELIGIBLE && s != HouseholdStage.EXITED).toList();
        long exited = stages.stream().filter(s -> s.stage() == HouseholdStage.EXITED).mapToLong(StageFigure::households)
                .sum();
        List<Slice> reached = new ArrayList<>();
        for (HouseholdStage stage : procedure) {
            long atOrBeyond = exited + stages.stream().filter(s -> procedure.indexOf(s.stage()) >= procedure.indexOf(stage))
                    .mapToLong(StageFigure::households).sum();
            reached.add(new Slice(stage(stage), atOrBeyond));
        }
        Chart chart = chart("dashboard.funnel.title", ChartOptions.funnel(getTranslation("dashboard.funnel.reached"),
                reached));
        FigureTable table = new FigureTable("dash-table-funnel", getTranslation("field.stage"),
                getTranslation("dashboard.funnel.now"), getTranslation("dashboard.funnel.entered"),
                getTranslation("dashboard.funnel.left"));
        for (StageFigure s : stages) {
            table.row(false, text(stage(s.stage())), count(s.households(), "households",
                    with(params(), "stage", s.stage().name()), "dash-stage-" + s.stage().name()),
                    text(number(s.entered())), text(number(s.departed())));
        }
        table.row(true, text(getTranslation("dashboard.total")), count(overview.households(), "households", params(),
                null), text(number(stages.stream().mapToLong(StageFigure::entered).sum())),
                text(number(stages.stream().mapToLong(StageFigure::departed).sum())));
        return card(DashboardSection.FUNNEL, getTranslation("dashboard.funnel.caption", period()), chart, table);
    }

    private Component stages(DashboardSection section, StageTable stages, String place) {
        List<HouseholdStage> shown = List.of(HouseholdStage.values());
        List<String> header = new ArrayList<>();
        header.add(getTranslation(place.equals("street") ? "field.streetId" : "field.teamId"));
        shown.forEach(s -> header.add(stage(s)));
        header.add(getTranslation("dashboard.total"));
        FigureTable table = new FigureTable("dash-table-" + place + "s", header.toArray(String[]::new));
        for (StageRow row : stages.rows()) {
            boolean listable = row.id() != null && row.id() != 0;
            Map<String, String> where = listable ? with(params(), place, row.id().toString()) : null;
            List<Component> cells = new ArrayList<>();
            cells.add(text(row.name() == null ? getTranslation("dashboard.noTeam") : row.name()));
            for (HouseholdStage s : shown) {
                long n = row.byStage().getOrDefault(s, 0L);
                cells.add(listable ? count(n, "households", with(where, "stage", s.name()), null) : text(number(n)));
            }
            cells.add(listable ? count(row.total(), "households", where, "dash-" + place + "-total-" + row.id())
                    : text(number(row.total())));
            table.row(false, cells.toArray(Component[]::new));
        }
        List<Component> total = new ArrayList<>();
        total.add(text(getTranslation("dashboard.total")));
        shown.forEach(s -> total.add(count(stages.total().byStage().getOrDefault(s, 0L), "households",
                with(params(), "stage", s.name()), null)));
        total.add(count(stages.total().total(), "households", params(), null));
        table.row(true, total.toArray(Component[]::new));

        List<String> names = stages.rows().stream()
                .map(r -> r.name() == null ? getTranslation("dashboard.noTeam") : r.name()).toList();
        List<Series> series = shown.stream().filter(s -> stages.total().byStage().getOrDefault(s, 0L) > 0)
                .map(s -> new Series(stage(s), stages.rows().stream().map(r -> r.byStage().getOrDefault(s, 0L))
                        .toList(), "stages"))
                .toList();
        Chart chart = chart(section == DashboardSection.STREETS ? "dashboard.streets.title" : "dashboard.teams.title",
                ChartOptions.bars(names, series, true));
        chart.addClickListener(click -> {
            if (click.dataIndex() >= 0 && click.dataIndex() < stages.rows().size()) {
                StageRow row = stages.rows().get(click.dataIndex());
                if (row.id() != null && row.id() != 0) {
                    go("households", with(params(), place, row.id().toString()));
                }
            }
        });
        chart.setHeight(Math.max(240, 44 + 30 * names.size()) + "px");
        Component card = card(section, getTranslation("dashboard.stages.caption"), chart, table);
        ((Div) card).addClassName("bf-dash-wide");
        return card;
    }

    // ---- overdue work ----------------------------------------------------------------------------------------

    private Component overdue() {
        Overview.Overdue overdue = overview.overdue();
        List<PlaceLoad> streets = overdue.streets();
        Chart chart = chart("dashboard.overdue.title", ChartOptions.bars(
                streets.stream().map(PlaceLoad::name).toList(),
                List.of(new Series(getTranslation("dashboard.overdue.notYet"),
                        streets.stream().map(p -> p.waiting() - p.overdue()).toList(), "steps"),
                        new Series(getTranslation("dashboard.overdue.overdue"),
                                streets.stream().map(PlaceLoad::overdue).toList(), "steps")),
                false));
        chart.addClickListener(click -> {
            if (click.dataIndex() >= 0 && click.dataIndex() < streets.size()) {
                PlaceLoad street = streets.get(click.dataIndex());
                go("tasks", click.seriesIndex() == 1 ? with(overdueTasks(), "street", street.id().toString())
                        : with(tasks(), "street", street.id().toString()));
            }
        });

        FigureTable steps = new FigureTable("dash-table-steps", getTranslation("task.step"),
                getTranslation("dashboard.overdue.waiting"), getTranslation("dashboard.overdue.overdue"),
                getTranslation("dashboard.overdue.median"));
        for (StepLoad s : overdue.steps()) {
            steps.row(false, text(getTranslation("task." + s.taskKey())),
                    count(s.waiting(), "tasks", with(tasks(), "step", s.taskKey()), null),
                    alert(count(s.overdue(), "tasks", with(overdueTasks(), "step", s.taskKey()),
                            "dash-overdue-step-" + s.taskKey()), s.overdue()),
                    text(getTranslation("dashboard.days", s.medianDays())));
        }
        steps.row(true, text(getTranslation("dashboard.total")), count(overdue.waiting(), "tasks", tasks(), null),
                alert(count(overdue.overdue(), "tasks", overdueTasks(), null), overdue.overdue()), text(""));

        FigureTable places = new FigureTable("dash-table-overdue-places", getTranslation("dashboard.overdue.place"),
                getTranslation("dashboard.overdue.waiting"), getTranslation("dashboard.overdue.overdue"));
        for (PlaceLoad p : streets) {
            places.row(false, text(p.name()), count(p.waiting(), "tasks", with(tasks(), "street", p.id().toString()), null),
                    alert(count(p.overdue(), "tasks", with(overdueTasks(), "street", p.id().toString()),
                            "dash-overdue-street-" + p.id()), p.overdue()));
        }
        for (PlaceLoad p : overdue.teams()) {
            boolean listable = p.id() != null && p.id() != 0;
            String name = p.name() == null ? getTranslation("dashboard.noTeam") : p.name();
            places.row(false, text(name),
                    listable ? count(p.waiting(), "tasks", with(tasks(), "team", p.id().toString()), null)
                            : text(number(p.waiting())),
                    alert(listable ? count(p.overdue(), "tasks", with(overdueTasks(), "team", p.id().toString()),
                            "dash-overdue-team-" + p.id()) : text(number(p.overdue())), p.overdue()));
        }

        FigureTable longest = new FigureTable("dash-table-longest", getTranslation("field.headName"),
                getTranslation("task.step"), getTranslation("dashboard.longest.since"), getTranslation("task.due"));
        for (Waiting w : overdue.longestWaiting()) {
            Anchor name = anchor("households/" + w.householdId());
            name.setText(w.headName());
            longest.row(false, name, text(getTranslation("task." + w.taskKey())),
                    text(getTranslation("dashboard.longest.days", w.waitingSince().toString(), w.waitingDays())),
                    w.overdue() ? alert(text(w.dueOn().toString()), 1) : text(w.dueOn().toString()));
        }
        Div tables = new Div(subtitle("dashboard.overdue.bySteps"), steps, subtitle("dashboard.overdue.byPlaces"), places,
                subtitle("dashboard.longest.title"), longest);
        return card(DashboardSection.OVERDUE, getTranslation("dashboard.overdue.caption", overview.today().toString()),
                chart, tables);
    }

    // ---- field work ------------------------------------------------------------------------------------------

    private Component fieldWork() {
        Overview.FieldWork work = overview.fieldWork();
        Chart chart = chart("dashboard.fieldWork.title", ChartOptions.bars(
                work.teams().stream().map(TeamFieldWork::name).toList(),
                List.of(new Series(getTranslation("dashboard.fieldWork.visitsDue"),
                        work.teams().stream().map(TeamFieldWork::visitsDue).toList()),
                        new Series(getTranslation("dashboard.fieldWork.visitsOverdue"),
                                work.teams().stream().map(TeamFieldWork::visitsOverdue).toList()),
                        new Series(getTranslation("dashboard.fieldWork.reviewsDue"),
                                work.teams().stream().map(TeamFieldWork::reviewsDue).toList()),
                        new Series(getTranslation("dashboard.fieldWork.reviewsOverdue"),
                                work.teams().stream().map(TeamFieldWork::reviewsOverdue).toList())),
                true));
        chart.setHeight(Math.max(240, 60 + 34 * work.teams().size()) + "px");
        FigureTable table = new FigureTable("dash-table-field-work", getTranslation("field.teamId"),
                getTranslation("dashboard.fieldWork.visitsDue"), getTranslation("dashboard.fieldWork.visitsOverdue"),
                getTranslation("dashboard.fieldWork.reviewsDue"), getTranslation("dashboard.fieldWork.reviewsOverdue"));
        for (TeamFieldWork t : work.teams()) {
            String team = t.teamId() == null ? null : t.teamId().toString();
            table.row(false, text(t.name()), count(t.visitsDue(), "visits", visits(team, "soon"), null),
                    alert(count(t.visitsOverdue(), "visits", visits(team, "overdue"), null), t.visitsOverdue()),
                    text(number(t.reviewsDue())), alert(text(number(t.reviewsOverdue())), t.reviewsOverdue()));
        }
        TeamFieldWork total = work.total();
        table.row(true, text(getTranslation("dashboard.total")),
                count(total.visitsDue(), "visits", visits(null, "soon"), null),
                alert(count(total.visitsOverdue(), "visits", visits(null, "overdue"), null), total.visitsOverdue()),
                text(number(total.reviewsDue())), alert(text(number(total.reviewsOverdue())), total.reviewsOverdue()));
        Span exits = new Span(getTranslation("dashboard.fieldWork.exits", period(), number(work.exitsProposed()),
                number(work.exitsCompleted())));
        exits.setId("dash-exits");
        return card(DashboardSection.FIELD_WORK, getTranslation("dashboard.fieldWork.caption", work.soonDays()), chart,
                new Div(table, exits));
    }

    // ---- money -----------------------------------------------------------------------------------------------

    private Component money() {
        Overview.Funds funds = overview.funds();
        List<MonthMoney> months = funds.months();
        Chart chart = chart("dashboard.money.title", ChartOptions.bars(
                months.stream().map(m -> m.month().toString()).toList(),
                List.of(new Series(getTranslation("dashboard.money.requested"),
                        months.stream().map(m -> m.requested().yuan()).toList()),
                        new Series(getTranslation("dashboard.money.approved"),
                                months.stream().map(m -> m.approved().yuan()).toList()),
                        new Series(getTranslation("dashboard.money.paid"),
                                months.stream().map(m -> m.paid().yuan()).toList())),
                false));
        MoneyFigures total = funds.total();
        long share = total.arranged().fen() == 0 ? 0 : Math.round(100.0 * total.paid().fen() / total.arranged().fen());
        Div progress = new Div();
        progress.addClassName("bf-dash-progress");
        Div bar = new Div();
        bar.addClassName("bf-dash-progress-bar");
        bar.setWidth(Math.min(100, share) + "%");
        progress.add(bar);
        Span against = new Span(getTranslation("dashboard.money.against", funds.year(), yuan(total.paid()),
                yuan(total.arranged()), share));
        against.setId("dash-money-against");

        FigureTable table = new FigureTable("dash-table-money", getTranslation("dashboard.overdue.place"),
                getTranslation("dashboard.money.arranged"), getTranslation("dashboard.money.requested"),
                getTranslation("dashboard.money.approved"), getTranslation("dashboard.money.paid"),
                getTranslation("dashboard.money.remaining"));
        for (PlaceMoney p : funds.streets()) {
            table.row(false, moneyRow(p.name(), p.money(), "street", p.id()));
        }
        for (PlaceMoney p : funds.teams()) {
            table.row(false, moneyRow(p.name() == null ? getTranslation("dashboard.noTeam") : p.name(), p.money(),
                    "team", p.id()));
        }
        table.row(true, moneyRow(getTranslation("dashboard.total"), total, null, null));
        return card(DashboardSection.MONEY, getTranslation("dashboard.money.caption", funds.year()), chart,
                new Div(against, progress, table));
    }

    private Component[] moneyRow(String name, MoneyFigures money, String place, Long id) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("year", String.valueOf(overview.funds().year()));
        if (filter.streetId() != null) {
            where.put("street", filter.streetId().toString());
        }
        if (filter.teamId() != null) {
            where.put("team", filter.teamId().toString());
        }
        boolean listable = place == null || (id != null && id != 0);
        if (place != null && listable) {
            where.put(place, id.toString());
        }
        Function<String, Map<String, String>> kind = k -> with(where, "kind", k);
        return new Component[] { text(name),
                listable ? moneyLink(money.arranged(), kind.apply("ARRANGED")) : text(yuan(money.arranged())),
                text(yuan(money.requested())), text(yuan(money.approved())),
                listable ? moneyLink(money.paid(), kind.apply("PAID")) : text(yuan(money.paid())),
                text(yuan(money.remaining())) };
    }

    private Component moneyLink(Money amount, Map<String, String> where) {
        Anchor link = anchor(href("funds", where));
        link.setText(yuan(amount));
        return link;
    }

    // ---- distributions and trends ------------------------------------------------------------------------------

    private Component distributions() {
        List<Share> attributes = overview.attributes();
        List<Share> causeShares = overview.causes();
        Chart attributeChart = chart("dashboard.attributes.title", ChartOptions.ring(getTranslation("field.attribute"),
                attributes.stream().map(s -> new Slice(attribute(s.code()), s.households())).toList()));
        attributeChart.addClickListener(click -> slice(attributes, click.dataIndex(), "attribute"));
        Chart causeChart = chart("dashboard.causes.title", ChartOptions.ring(getTranslation("field.mainCause"),
                causeShares.stream().map(s -> new Slice(cause(s.code()), s.households())).toList()));
        causeChart.addClickListener(click -> slice(causeShares, click.dataIndex(), "cause"));
        FigureTable table = new FigureTable("dash-table-shares", getTranslation("dashboard.shares.of"),
                getTranslation("dashboard.households"));
        attributes.forEach(s -> table.row(false, text(getTranslation("field.attribute") + " · " + attribute(s.code())),
                s.code() == null || s.code().isEmpty() ? text(number(s.households()))
                        : count(s.households(), "households", with(params(), "attribute", s.code()), null)));
        causeShares.forEach(s -> table.row(false, text(getTranslation("field.mainCause") + " · " + cause(s.code())),
                s.code() == null || s.code().isEmpty() ? text(number(s.households()))
                        : count(s.households(), "households", with(params(), "cause", s.code()), null)));
        Div charts = new Div(attributeChart, causeChart);
        charts.addClassName("bf-dash-pair");
        return card(DashboardSection.DISTRIBUTIONS, getTranslation("dashboard.shares.caption"), charts, table);
    }

    private void slice(List<Share> shares, int index, String parameter) {
        if (index >= 0 && index < shares.size() && shares.get(index).code() != null
                && !shares.get(index).code().isEmpty()) {
            go("households", with(params(), parameter, shares.get(index).code()));
        }
    }

    private Component trends() {
        List<MonthTrend> trends = overview.trends();
        List<String> months = trends.stream().map(t -> t.month().toString()).toList();
        Chart chart = chart("dashboard.trends.title", ChartOptions.lines(months, List.of(
                new Series(getTranslation("dashboard.trends.started"), trends.stream().map(MonthTrend::casesStarted).toList()),
                new Series(getTranslation("dashboard.trends.filed"), trends.stream().map(MonthTrend::filed).toList()),
                new Series(getTranslation("dashboard.trends.paired"), trends.stream().map(MonthTrend::paired).toList()),
                new Series(getTranslation("dashboard.trends.exited"), trends.stream().map(MonthTrend::exited).toList()))));
        FigureTable table = new FigureTable("dash-table-trends", getTranslation("dashboard.month"),
                getTranslation("dashboard.trends.started"), getTranslation("dashboard.trends.filed"),
                getTranslation("dashboard.trends.paired"), getTranslation("dashboard.trends.exited"),
                getTranslation("dashboard.money.paid"));
        for (MonthTrend t : trends) {
            table.row(false, text(t.month().toString()), text(number(t.casesStarted())), text(number(t.filed())),
                    text(number(t.paired())), text(number(t.exited())), text(yuan(t.paid())));
        }
        return card(DashboardSection.TRENDS, getTranslation("dashboard.trends.caption", period()), chart, table);
    }

    // ---- cards, tables, links ----------------------------------------------------------------------------------

    private Component card(DashboardSection section, String caption, Component chart, Component figures) {
        Div card = new Div();
        card.addClassName("bf-dash-card");
        card.setId("dash-card-" + section.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        H3 title = new H3(getTranslation("report.section." + section.name()));
        title.addClassName("bf-dash-card-title");
        Div head = new Div(title);
        head.addClassName("bf-dash-card-head");
        if (exports != null) {
            head.add(exports.button(section));
        }
        Span note = new Span(caption);
        note.addClassName("bf-dash-caption");
        Div table = new Div(figures);
        table.addClassName("bf-dash-figures");
        card.add(head, note, chart, table);
        return card;
    }

    private Chart chart(String descriptionKey, Map<String, Object> option) {
        Chart chart = new Chart(getTranslation(descriptionKey));
        chart.addClassName("bf-dash-chart");
        chart.setOption(option);
        return chart;
    }

    private Component subtitle(String key) {
        Span subtitle = new Span(getTranslation(key));
        subtitle.addClassName("bf-dash-subtitle");
        return subtitle;
    }

    /** A table of figures: a header row, rows, and total rows set apart. */
    private static final class FigureTable extends NativeTable {

        FigureTable(String id, String... header) {
            setId(id);
            addClassName("bf-dash-table");
            NativeTableRow head = getHead().addRow();
            for (String h : header) {
                head.addHeaderCell().setText(h);
            }
        }

        void row(boolean total, Component... cells) {
            NativeTableRow row = getBody().addRow();
            if (total) {
                row.addClassName("bf-dash-total");
            }
            for (int i = 0; i < cells.length; i++) {
                NativeTableCell cell = row.addDataCell();
                if (i > 0) {
                    cell.addClassName("bf-dash-number");
                }
                cell.add(cells[i]);
            }
        }
    }

    private static Component text(String text) {
        return new Span(text);
    }

    /** A count that opens its list; zero opens nothing. */
    private Component count(long n, String route, Map<String, String> where, String id) {
        if (n == 0) {
            Span zero = new Span(number(0));
            zero.addClassName("bf-dash-zero");
            if (id != null) {
                zero.setId(id);
            }
            return zero;
        }
        Anchor link = anchor(href(route, where));
        link.setText(number(n));
        if (id != null) {
            link.setId(id);
        }
        return link;
    }

    private static Component alert(Component figure, long n) {
        if (n > 0) {
            figure.getElement().getClassList().add("bf-dash-alert");
        }
        return figure;
    }

    /** A link the router follows within the page (no reload), to an address with its query. */
    static Anchor anchor(String href) {
        Anchor anchor = new Anchor(href, "");
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }

    static String href(String route, Map<String, String> where) {
        if (where == null || where.isEmpty()) {
            return route;
        }
        return route + "?" + com.vaadin.flow.router.QueryParameters.simple(where).getQueryString();
    }

    private void go(String route, Map<String, String> where) {
        getUI().ifPresent(ui -> ui.navigate(href(route, where)));
    }

    /** The street and team of the filter, as the lists' query parameters. */
    private Map<String, String> params() {
        Map<String, String> where = new LinkedHashMap<>();
        if (filter.streetId() != null) {
            where.put("street", filter.streetId().toString());
        }
        if (filter.teamId() != null) {
            where.put("team", filter.teamId().toString());
        }
        return where;
    }

    private Map<String, String> tasks() {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("view", "ALL");
        where.putAll(params());
        return where;
    }

    private Map<String, String> overdueTasks() {
        return with(tasks(), "dueTo", overview.today().minusDays(1).toString());
    }

    private Map<String, String> ledger(String kind) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("year", String.valueOf(overview.funds().year()));
        where.putAll(params());
        where.put("kind", kind);
        return where;
    }

    private Map<String, String> visits(String team, String due) {
        Map<String, String> where = new LinkedHashMap<>();
        String chosen = team != null ? team : filter.teamId() == null ? null : filter.teamId().toString();
        if (chosen != null) {
            where.put("team", chosen);
        }
        where.put("due", due);
        if ("soon".equals(due)) {
            where.put("days", String.valueOf(overview.fieldWork().soonDays()));
        }
        return where;
    }

    private static Map<String, String> with(Map<String, String> where, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(where);
        more.put(name, value);
        return more;
    }

    private String stage(HouseholdStage stage) {
        return getTranslation("stage." + stage.name());
    }

    private String attribute(String code) {
        return code == null || code.isEmpty() ? getTranslation("dashboard.notRecorded")
                : getTranslation("attribute." + code);
    }

    private String cause(String code) {
        return code == null || code.isEmpty() ? getTranslation("dashboard.notRecorded") : causes.apply(code);
    }

    private String period() {
        LocalDate from = filter.from();
        LocalDate to = filter.to();
        return getTranslation("dashboard.period", from.toString(), to.toString());
    }

    private String number(long n) {
        return numbers.format(n);
    }

    private static String yuan(Money money) {
        return money.format();
    }
}
