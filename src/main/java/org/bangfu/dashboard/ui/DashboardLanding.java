package org.bangfu.dashboard.ui;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.dashboard.Dashboard;
import org.bangfu.dashboard.DashboardFilter;
import org.bangfu.dashboard.DashboardSection;
import org.bangfu.dashboard.Overview;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdScope;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.TaskFilter;
import org.bangfu.pairing.TaskFilter.View;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.LandingSection;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/**
 * The landing page's part of the dashboard for everyone who has one: first what the reader owes today (their groups'
 * tasks due and overdue, visits due, money waiting), then the figures their role looks at each morning: the whole
 * district's procedure, overdue work and money for the leadership, the district and administrators; a street's
 * procedure, overdue work and teams; a team's field work, overdue work and money.
 */
@org.springframework.stereotype.Component
@Order(10)
class DashboardLanding implements LandingSection {

    private final Dashboard dashboard;
    private final PairingTasks tasks;
    private final CodeLists codes;

    DashboardLanding(Dashboard dashboard, PairingTasks tasks, CodeLists codes) {
        this.dashboard = dashboard;
        this.tasks = tasks;
        this.codes = codes;
    }

    @Override
    public Optional<Component> section(SignedInUser user) {
        HouseholdScope scope = HouseholdScope.of(user);
        if (scope.kind() == HouseholdScope.Kind.NONE) {
            return Optional.empty();
        }
        DashboardFilter filter = dashboard.defaultFilter();
        Overview overview = dashboard.overview(filter);
        Div landing = new Div();
        landing.setId("landing-dashboard");
        landing.addClassName("bf-dash");
        landing.setWidthFull();
        landing.add(today(landing, user, overview));
        Set<DashboardSection> sections = switch (scope.kind()) {
            case TEAM -> EnumSet.of(DashboardSection.FIELD_WORK, DashboardSection.OVERDUE, DashboardSection.MONEY);
            case STREET -> EnumSet.of(DashboardSection.FUNNEL, DashboardSection.OVERDUE, DashboardSection.TEAMS);
            default -> EnumSet.of(DashboardSection.FUNNEL, DashboardSection.OVERDUE, DashboardSection.MONEY);
        };
        landing.add(new OverviewBoard(overview, sections, code -> codes.label(CodeLists.CAUSE, code, UI.getCurrent().getLocale()),
                null));
        Anchor more = OverviewBoard.anchor("dashboard");
        more.setText(landing.getTranslation("dashboard.landing.more"));
        more.setId("landing-more");
        more.addClassName("bf-dash-action");
        landing.add(more);
        return Optional.of(landing);
    }

    /** 今日待办: what the reader's own groups owe, and what waits on the reader's households. */
    private Component today(Component owner, SignedInUser user, Overview overview) {
        Div today = new Div();
        today.setId("landing-today");
        today.addClassName("bf-dash-today");
        H3 title = new H3(owner.getTranslation("dashboard.today.title", overview.today().toString()));
        title.addClassName("bf-dash-card-title");
        Div items = new Div();
        items.addClassName("bf-dash-kpis");
        LocalDate day = overview.today();
        if (!PairingTasks.groups(user).isEmpty()) {
            int dueToday = tasks.count(new TaskFilter(View.GROUP, null, null, null, null, null, day));
            int overdue = tasks.count(new TaskFilter(View.GROUP, null, null, null, null, null, day.minusDays(1)));
            items.add(item(owner, "tasks-due", String.valueOf(dueToday), "dashboard.today.tasksDue",
                    OverviewBoard.href("tasks", Map.of("view", "GROUP", "dueTo", day.toString()))));
            items.add(item(owner, "tasks-overdue", String.valueOf(overdue), "dashboard.today.tasksOverdue",
                    OverviewBoard.href("tasks", Map.of("view", "GROUP", "dueTo", day.minusDays(1).toString()))));
        }
        Overview.TeamFieldWork work = overview.fieldWork().total();
        if (user.hasRole(Role.TEAM_MEMBER) || user.hasRole(Role.TEAM_LEADER)) {
            items.add(item(owner, "visits-due", String.valueOf(work.visitsDue() + work.visitsOverdue()),
                    "dashboard.today.visitsDue", OverviewBoard.href("visits", Map.of())));
            // each team's balance shows the same two figures: asked for and awaiting approval, approved and awaiting
            // the bank
            String balances = OverviewBoard.href("funds", Map.of("tab", "teams"));
            items.add(item(owner, "money-approval", overview.funds().total().inApproval().format(),
                    "dashboard.today.moneyInApproval", balances));
            items.add(item(owner, "money-waiting", overview.funds().total().awaitingPayment().format(),
                    "dashboard.today.moneyAwaiting", balances));
        }
        today.add(title, items);
        return today;
    }

    private static Component item(Component owner, String id, String value, String labelKey, String href) {
        return OverviewBoard.tile("landing-" + id, value, owner.getTranslation(labelKey), href);
    }
}
