package org.bangfu.dashboard.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.dashboard.Dashboard;
import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.dashboard.Overview.StepLoad;
import org.bangfu.dashboard.ProcessMap;
import org.bangfu.dashboard.ProcessMap.StepHeat;
import org.bangfu.organisation.Organisation;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.ProcessDiagram;
import org.bangfu.shell.ProcessDiagram.StepFigure;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 流程热力图: a deployed process drawn as its diagram, each step with the cases waiting there, how many are past due
 * and the median wait, coloured by its load; the dashboard's filters apply. A step opens the list of its tasks.
 */
@Route(value = "dashboard/map", layout = MainLayout.class)
@Menu(title = "nav.processMap", order = 2, icon = "vaadin:sitemap")
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.ADMIN, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class ProcessMapView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String DEFAULT_PROCESS = "AssistancePairingProcess";

    private final transient Dashboard dashboard;
    private final FilterBar filters;
    private final Select<ProcessMap.Process> process = new Select<>();
    private final ProcessDiagram diagram = new ProcessDiagram("");
    private final Div figures = new Div();
    private final Span summary = new Span();
    private String drawnKey;
    private ProcessMap shown;

    ProcessMapView(Dashboard dashboard, Organisation organisation) {
        this.dashboard = dashboard;
        setId("process-map-view");
        addClassName("bf-page");
        addClassName("bf-dash");
        H2 title = new H2(getTranslation("nav.processMap"));
        title.addClassName("bf-dash-title");
        List<ProcessMap.Process> processes = dashboard.processes();
        process.setLabel(getTranslation("dashboard.map.process"));
        process.setItems(processes);
        process.setItemLabelGenerator(p -> getTranslation("dashboard.process." + p.key()));
        process.setId("map-process");
        processes.stream().filter(p -> p.key().equals(DEFAULT_PROCESS)).findFirst()
                .or(() -> processes.stream().findFirst()).ifPresent(process::setValue);
        filters = new FilterBar(dashboard.defaultFilter(), organisation, CurrentUser.require(), f -> show());
        filters.addComponentAsFirst(process);
        summary.setId("map-summary");
        summary.addClassName("bf-dash-caption");
        diagram.setId("map-diagram");
        diagram.addClassName("bf-map-diagram");
        diagram.addStepClickListener(this::openStep);
        figures.setWidthFull();
        figures.addClassName("bf-dash-figures");
        process.addValueChangeListener(e -> show());
        add(title, filters, summary, diagram, legend(), figures);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        filters.read(query);
        query.getSingleParameter("process").flatMap(key -> process.getListDataView().getItems()
                .filter(p -> p.key().equals(key)).findFirst()).ifPresent(process::setValue);
        show();
    }

    private void show() {
        Optional<DashboardFilter> filter = filters.value();
        if (process.getValue() == null || filter.isEmpty()) {
            return;
        }
        String key = process.getValue().key();
        if (!key.equals(drawnKey)) {
            diagram.setXml(dashboard.diagram(key));
            drawnKey = key;
        }
        shown = dashboard.processMap(key, filter.get());
        Map<String, StepFigure> onSteps = new LinkedHashMap<>();
        long waiting = 0;
        long overdue = 0;
        for (StepHeat step : shown.steps()) {
            StepLoad load = step.load();
            waiting += load.waiting();
            overdue += load.overdue();
            onSteps.put(load.taskKey(), new StepFigure(getTranslation("dashboard.map.waiting", load.waiting()),
                    load.overdue() == 0 ? null : getTranslation("dashboard.map.overdue", load.overdue()),
                    getTranslation("dashboard.map.median", load.medianDays()), step.heat()));
        }
        diagram.setStepFigures(onSteps);
        summary.setText(getTranslation("dashboard.map.summary", waiting, overdue));
        figures.removeAll();
        figures.add(table(shown));
        Map<String, String> query = new LinkedHashMap<>();
        if (!key.equals(DEFAULT_PROCESS)) {
            query.put("process", key);
        }
        query.putAll(FilterBar.query(shown.filter(), filters.defaults()));
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, OverviewBoard.href("dashboard/map", query)));
    }

    private NativeTable table(ProcessMap map) {
        NativeTable table = new NativeTable();
        table.setId("map-table");
        table.addClassName("bf-dash-table");
        NativeTableRow head = table.getHead().addRow();
        for (String h : List.of("task.step", "dashboard.overdue.waiting", "dashboard.overdue.overdue",
                "dashboard.overdue.median")) {
            head.addHeaderCell().setText(getTranslation(h));
        }
        for (StepHeat step : map.steps()) {
            StepLoad load = step.load();
            NativeTableRow row = table.getBody().addRow();
            row.addDataCell().setText(getTranslation("task." + load.taskKey()));
            Anchor waiting = OverviewBoard.anchor(OverviewBoard.href("tasks", tasks(load.taskKey(), false)));
            waiting.setText(String.valueOf(load.waiting()));
            waiting.setId("map-waiting-" + load.taskKey());
            row.addDataCell().add(waiting);
            if (load.overdue() > 0) {
                Anchor late = OverviewBoard.anchor(OverviewBoard.href("tasks", tasks(load.taskKey(), true)));
                late.setText(String.valueOf(load.overdue()));
                late.addClassName("bf-dash-alert");
                late.setId("map-overdue-" + load.taskKey());
                row.addDataCell().add(late);
            } else {
                row.addDataCell().setText("0");
            }
            row.addDataCell().setText(getTranslation("dashboard.days", load.medianDays()));
            row.getDataCells().stream().skip(1).forEach(c -> c.addClassName("bf-dash-number"));
        }
        if (map.steps().isEmpty()) {
            table.getBody().addRow().addDataCell().setText(getTranslation("dashboard.map.none"));
        }
        return table;
    }

    private Component legend() {
        Div legend = new Div();
        legend.addClassName("bf-map-legend");
        legend.add(new Span(getTranslation("dashboard.map.legend")));
        for (int level = 1; level <= 5; level++) {
            Span swatch = new Span();
            swatch.addClassName("bf-map-swatch");
            swatch.addClassName("bf-heat-swatch-" + level);
            legend.add(swatch);
        }
        legend.add(new Span(getTranslation("dashboard.map.legendMore")));
        return legend;
    }

    private void openStep(String taskKey) {
        getUI().ifPresent(ui -> ui.navigate(OverviewBoard.href("tasks", tasks(taskKey, false))));
    }

    private Map<String, String> tasks(String taskKey, boolean overdueOnly) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put("view", "ALL");
        where.put("step", taskKey);
        DashboardFilter filter = shown.filter();
        if (filter.streetId() != null) {
            where.put("street", filter.streetId().toString());
        }
        if (filter.teamId() != null) {
            where.put("team", filter.teamId().toString());
        }
        if (overdueOnly) {
            where.put("dueTo", filters.defaults().to().minusDays(1).toString());
        }
        return where;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.processMap");
    }
}
