package org.bangfu.pairing.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bangfu.household.CodeLists;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Street;
import org.bangfu.organisation.Team;
import org.bangfu.pairing.BulkResult;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.TaskConflict;
import org.bangfu.pairing.TaskFilter.Sort;
import org.bangfu.pairing.TaskFilter.View;
import org.bangfu.pairing.TaskFilter;
import org.bangfu.pairing.TaskRow;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.People;
import org.bangfu.shared.Role;
import org.bangfu.shell.AddressQuery;
import org.bangfu.shell.Badges;
import org.bangfu.shell.DateField;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

/**
 * 任务清单: my tasks, my group's, those nobody holds yet (and, for the district and leadership, all), with
 * counts; filters by step, street, household and due date; sorted by due date; claim and give back in the
 * row; a row opens its task. Refreshes itself, so a task someone else just took leaves the list.
 */
@Route(value = "tasks", layout = MainLayout.class)
@Menu(title = "nav.tasks", order = 5, icon = "vaadin:tasks")
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class TaskListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient PairingTasks tasks;
    private final transient Names names;
    private final Tabs views = new Tabs();
    private final List<View> viewOrder;
    private final Select<String> step = new Select<>();
    private final ComboBox<Street> street = new ComboBox<>();
    private final ComboBox<Team> team = new ComboBox<>();
    private final TextField head = new TextField();
    private final DatePicker dueTo = new DateField();
    private final Grid<TaskRow> grid = new Grid<>();
    private final Button bulkClaim = new Button();
    private final Button bulkHandOver = new Button();
    private final String username;
    private Registration polling;

    TaskListView(PairingTasks tasks, Organisation organisation, Pairing pairing, CodeLists codes, People people) {
        this.names = new Names(people, this::getTranslation);
        this.tasks = tasks;
        this.username = CurrentUser.require().getUsername();
        setId("task-list");
        setSizeFull();
        addClassName("bf-page");
        boolean overseer = CurrentUser.require().hasRole(Role.DISTRICT) || CurrentUser.require().hasRole(Role.LEADER);
        boolean officer = CurrentUser.require().hasRole(Role.DISTRICT) || CurrentUser.require().hasRole(Role.STREET);
        viewOrder = new ArrayList<>(CurrentUser.require().hasRole(Role.LEADER) ? List.of(View.ALL)
                : overseer ? List.of(View.MINE, View.GROUP, View.UNCLAIMED, View.ALL)
                        : List.of(View.MINE, View.GROUP, View.UNCLAIMED));
        for (View view : viewOrder) {
            Tab tab = new Tab();
            tab.setId("tasks-view-" + view.name());
            views.add(tab);
        }
        views.setSelectedIndex(viewOrder.contains(View.GROUP) ? viewOrder.indexOf(View.GROUP) : 0);
        views.addSelectedChangeListener(e -> refresh());

        step.setPlaceholder(getTranslation("task.filter.step"));
        step.setItems(tasks.stepKeys());
        step.setItemLabelGenerator(key -> key == null ? getTranslation("task.filter.allSteps") : getTranslation("task." + key));
        step.setEmptySelectionAllowed(true);
        step.setEmptySelectionCaption(getTranslation("task.filter.allSteps"));
        step.setId("tasks-step");
        street.setPlaceholder(getTranslation("field.streetId"));
        street.setItems(organisation.streets());
        street.setItemLabelGenerator(Street::name);
        street.setClearButtonVisible(true);
        street.setVisible(overseer);
        street.setId("tasks-street");
        team.setPlaceholder(getTranslation("field.teamId"));
        team.setItems(organisation.teams());
        team.setItemLabelGenerator(Team::name);
        team.setClearButtonVisible(true);
        team.setVisible(overseer || CurrentUser.require().hasRole(Role.STREET));
        team.setId("tasks-team");
        head.setPlaceholder(getTranslation("task.filter.head"));
        head.setPrefixComponent(VaadinIcon.SEARCH.create());
        head.setValueChangeMode(ValueChangeMode.LAZY);
        head.setClearButtonVisible(true);
        head.setId("tasks-head");
        dueTo.setPlaceholder(getTranslation("task.filter.dueBy"));
        dueTo.setId("tasks-due-to");
        dueTo.setClearButtonVisible(true);
        step.addValueChangeListener(e -> refresh());
        street.addValueChangeListener(e -> refresh());
        team.addValueChangeListener(e -> refresh());
        head.addValueChangeListener(e -> refresh());
        dueTo.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(step, street, team, head, dueTo);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("bf-filters");

        grid.addColumn(TaskRow::headName).setHeader(getTranslation("field.headName")).setAutoWidth(true)
                .setFrozen(true).setSortable(true).setSortProperty(Sort.HEAD.name());
        grid.addColumn(t -> getTranslation("task." + t.taskKey())).setHeader(getTranslation("task.step"))
                .setAutoWidth(true);
        grid.addColumn(TaskRow::villageName).setHeader(getTranslation("field.villageId")).setAutoWidth(true);
        grid.addColumn(TaskRow::streetName).setHeader(getTranslation("field.streetId")).setAutoWidth(true);
        grid.addColumn(t -> BureauTime.time(t.createdAt())).setHeader(getTranslation("task.created"))
                .setAutoWidth(true).setSortable(true).setSortProperty(Sort.CREATED.name());
        grid.addComponentColumn(this::due).setHeader(getTranslation("task.due")).setAutoWidth(true)
                .setSortable(true).setSortProperty(Sort.DUE.name());
        grid.addColumn(t -> t.assignee() == null ? "—" : names.of(t.assignee())).setHeader(getTranslation("task.assignee"))
                .setAutoWidth(true);
        // on a phone one card says it all: household, village, step and due date, stacked; the buttons stay
        ResponsiveGrid.of(grid, "task.empty").keep(grid.addComponentColumn(this::actions).setAutoWidth(true))
                .card(this::summary);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setId("task-grid");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + e.getItem().taskId())));
        grid.setItems(q -> names.load(tasks.list(filter(selectedView()), sort(q.getSortOrders()), q.getOffset(),
                q.getLimit()), TaskRow::assignee).stream(), q -> tasks.count(filter(selectedView())));
        add(views, filters);
        if (officer) {
            Button newCase = new Button(getTranslation("case.new"), VaadinIcon.PLUS.create(),
                    e -> new NewCaseDialog(pairing, tasks, organisation, codes).open());
            newCase.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newCase.setId("tasks-new-case");
            // officers work many households at once: select rows, then claim or hand them over together
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            bulkClaim.setId("tasks-bulk-claim");
            bulkClaim.addClickListener(e -> bulk(tasks::claimAll));
            bulkHandOver.setId("tasks-bulk-hand-over");
            bulkHandOver.addClickListener(e -> new HandOverDialog(selected().size(), tasks.colleagues(),
                    colleague -> bulk(ids -> tasks.handOverAll(ids, colleague))).open());
            HorizontalLayout officerActions = new HorizontalLayout(newCase, bulkClaim, bulkHandOver);
            officerActions.getChildren().forEach(button -> ((Button) button).setMinHeight("44px"));
            officerActions.setId("tasks-bulk");
            officerActions.setWrap(true);
            grid.addSelectionListener(e -> updateBulkBar());
            updateBulkBar();
            add(officerActions);
        }
        add(grid);
        refresh();
    }

    private View selectedView() {
        return viewOrder.get(Math.max(0, views.getSelectedIndex()));
    }

    private static Sort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return Sort.DUE;
        }
        Sort by = Sort.valueOf(orders.get(0).getSorted());
        boolean descending = orders.get(0).getDirection() == SortDirection.DESCENDING;
        return switch (by) {
            case DUE -> descending ? Sort.DUE_DESC : Sort.DUE;
            case CREATED -> descending ? Sort.CREATED_DESC : Sort.CREATED;
            default -> by;
        };
    }

    private List<String> selected() {
        return grid.getSelectedItems().stream().map(TaskRow::taskId).toList();
    }

    private void updateBulkBar() {
        int count = grid.getSelectedItems().size();
        bulkClaim.setText(getTranslation("task.bulk.claim", count));
        bulkHandOver.setText(getTranslation("task.bulk.handOver", count));
        bulkClaim.setEnabled(count > 0);
        bulkHandOver.setEnabled(count > 0);
    }

    /** A bulk action on the selected tasks: what it did, and each task it could not take with the reason. */
    private void bulk(Function<List<String>, BulkResult> action) {
        try {
            BulkResult result = action.apply(selected());
            String failures = String.join("；", result.failed().stream()
                    .map(f -> getTranslation(f.messageKey(), f.arguments().toArray())).distinct().toList());
            Notification.show(result.failed().isEmpty() ? getTranslation("task.bulk.done", result.done())
                    : getTranslation("task.bulk.failed", result.done(), result.failed().size(), failures), 6000,
                    Notification.Position.MIDDLE);
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> Notification.show(getTranslation(error.messageKey(), error.arguments()),
                    6000, Notification.Position.MIDDLE));
        }
        grid.deselectAll();
        refresh();
    }

    private Component summary(TaskRow task) {
        return ResponsiveGrid.card(task.headName(), task.villageName(),
                new Span(new Span(getTranslation("task." + task.taskKey()) + " "), due(task)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // tasks others take or complete leave the list without a reload
        event.getUI().setPollInterval(20_000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private Component due(TaskRow task) {
        if (task.calendarMissing().isEmpty()) {
            return dueBadge(task);
        }
        return new Span(dueBadge(task), new Text(" "), CalendarChip.of(this, task));
    }

    private Component dueBadge(TaskRow task) {
        LocalDate today = BureauTime.today();
        if (task.dueOn().isBefore(today)) {
            return Badges.of(getTranslation("task.overdue", task.dueOn().toString()), "error");
        }
        if (!task.dueOn().isAfter(today.plusDays(1))) {
            return Badges.of(getTranslation("task.dueSoon", task.dueOn().toString()), "warning");
        }
        return Badges.of(task.dueOn().toString(), "contrast");
    }

    private Component actions(TaskRow task) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!PairingTasks.isMember(CurrentUser.require(), task.candidateGroup())) {
            return actions;
        }
        if (task.assignee() == null) {
            Button claim = new Button(getTranslation("task.claim"), e -> act(() -> tasks.claim(task.taskId())));
            claim.setId("claim-" + task.taskId());
            actions.add(claim);
        } else if (username.equals(task.assignee())) {
            Button unclaim = new Button(getTranslation("task.unclaim"), e -> act(() -> tasks.unclaim(task.taskId())));
            unclaim.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            unclaim.setId("unclaim-" + task.taskId());
            actions.add(unclaim);
        }
        if (task.assignee() == null || username.equals(task.assignee())) {
            Button handOver = new Button(getTranslation("task.handOver"), e -> new HandOverDialog(1, tasks.colleagues(),
                    colleague -> act(() -> {
                        tasks.handOver(task.taskId(), colleague);
                        Notification.show(getTranslation("task.handOver.done", names.of(colleague)), 4000,
                                Notification.Position.BOTTOM_START);
                    })).open());
            handOver.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            handOver.setId("hand-over-" + task.taskId());
            actions.add(handOver);
        }
        return actions;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (TaskConflict e) {
            Notification.show(getTranslation(e.messageKey(), e.arguments()), 5000, Notification.Position.MIDDLE);
        } catch (org.bangfu.pairing.PairingNotFound | org.springframework.security.access.AccessDeniedException e) {
            Notification.show(getTranslation("api.pairing.notFound"), 5000, Notification.Position.MIDDLE);
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> Notification.show(getTranslation(error.messageKey(), error.arguments()),
                    5000, Notification.Position.MIDDLE));
        }
        refresh();
    }

    private TaskFilter filter(View view) {
        return new TaskFilter(view, step.getValue(), street.getValue() == null ? null : street.getValue().id(),
                team.getValue() == null ? null : team.getValue().id(), head.getValue(), null, dueTo.getValue());
    }

    /** New counts and rows; the rows selected stay selected while they are still there. */
    private void refresh() {
        for (int i = 0; i < viewOrder.size(); i++) {
            View view = viewOrder.get(i);
            views.getTabAt(i).setLabel(getTranslation("task.view." + view.name(), tasks.count(filter(view))));
        }
        grid.getDataProvider().refreshAll();
    }

    /**
     * A list opened from a figure elsewhere (the dashboard) arrives filtered: {@code view}, {@code step},
     * {@code street}, {@code team} (ids), {@code dueTo} (ISO date). The whole list of the households the reader may
     * see ({@code view=ALL}) is then a tab of its own, whoever's steps they are.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter("view").flatMap(TaskListView::view).ifPresent(view -> {
            if (!viewOrder.contains(view)) {
                viewOrder.add(view);
                Tab tab = new Tab();
                tab.setId("tasks-view-" + view.name());
                views.add(tab);
            }
            views.setSelectedIndex(viewOrder.indexOf(view));
        });
        query.getSingleParameter("step").filter(key -> tasks.stepKeys().contains(key)).ifPresent(step::setValue);
        AddressQuery.number(query, "street").flatMap(id -> street.getListDataView().getItems().filter(s -> s.id() == id).findFirst())
                .filter(s -> street.isVisible()).ifPresent(street::setValue);
        AddressQuery.number(query, "team").flatMap(id -> team.getListDataView().getItems().filter(t -> t.id() == id).findFirst())
                .filter(t -> team.isVisible()).ifPresent(team::setValue);
        AddressQuery.date(query, "dueTo").ifPresent(dueTo::setValue);
        refresh();
    }

    private static Optional<View> view(String name) {
        try {
            return Optional.of(View.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tasks");
    }
}
