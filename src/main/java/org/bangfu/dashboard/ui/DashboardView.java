package org.bangfu.dashboard.ui;

import java.util.EnumSet;

import org.bangfu.dashboard.Dashboard;
import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.dashboard.DashboardSection;
import org.bangfu.household.CodeLists;
import org.bangfu.organisation.Organisation;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shell.MainLayout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 领导驾驶舱: every figure of the dashboard for the reader's district, street or team, filtered by period, street and
 * team at once; each chart's figures as a workbook and the month's report as a PDF.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@Menu(title = "nav.dashboard", order = 1, icon = "vaadin:dashboard")
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.ADMIN, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class DashboardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient Dashboard dashboard;
    private final transient CodeLists codes;
    private final transient Exporter exporter;
    private final FilterBar filters;
    private final Div board = new Div();
    private volatile DashboardFilter shown;

    DashboardView(Dashboard dashboard, Organisation organisation, CodeLists codes, Exporter exporter) {
        this.dashboard = dashboard;
        this.codes = codes;
        this.exporter = exporter;
        setId("dashboard-view");
        addClassName("bf-page");
        addClassName("bf-dash");
        filters = new FilterBar(dashboard.defaultFilter(), organisation, CurrentUser.require(), this::show);
        shown = filters.defaults();
        H2 title = new H2(getTranslation("nav.dashboard"));
        title.addClassName("bf-dash-title");
        Anchor map = OverviewBoard.anchor("dashboard/map");
        map.add(VaadinIcon.SITEMAP.create(), new Span(getTranslation("nav.processMap")));
        map.setId("dash-open-map");
        map.addClassName("bf-dash-action");
        HorizontalLayout actions = new HorizontalLayout(map, exporter.monthlyReport(this, filters, () -> shown));
        actions.setWrap(true);
        actions.setAlignItems(Alignment.CENTER);
        HorizontalLayout head = new HorizontalLayout(title, actions);
        head.setWrap(true);
        head.setWidthFull();
        head.setJustifyContentMode(JustifyContentMode.BETWEEN);
        head.setAlignItems(Alignment.CENTER);
        board.setWidthFull();
        add(head, filters, board);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        filters.value().ifPresent(this::draw);
    }

    /** New filters: new figures, and the address says which. */
    private void show(DashboardFilter filter) {
        draw(filter);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                OverviewBoard.href("dashboard", FilterBar.query(filter, filters.defaults()))));
    }

    private void draw(DashboardFilter filter) {
        shown = filter;
        board.removeAll();
        Component overview = new OverviewBoard(dashboard.overview(filter), EnumSet.allOf(DashboardSection.class),
                code -> codes.label(CodeLists.CAUSE, code, getLocale()), section -> exporter.section(this, filter, section));
        board.add(overview);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
