package org.bangfu.funds.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.funds.Arrangement;
import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundReleases;
import org.bangfu.funds.FundRequest;
import org.bangfu.funds.FundRequests;
import org.bangfu.funds.Payment;
import org.bangfu.funds.StaleArrangement;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageTab;
import org.bangfu.household.HouseholdStage;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.People;
import org.bangfu.shell.Names;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * 帮扶资金 on a household's page: where the year's money stands (arranged, in approval, awaiting the bank, paid,
 * left to ask for), the arrangements with the district's form to change them, every request with its approvals,
 * every payment (account masked), and every version of the arrangements with its reason. The household's team
 * and the district start a further release here.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(20)
class FundsTab implements HouseholdPageTab {

    private final FundBudgets budgets;
    private final FundLedger ledger;
    private final FundRequests requests;
    private final FundPayments payments;
    private final FundReleases releases;
    private final CodeLists codes;
    private final Clock clock;
    private final People people;

    FundsTab(FundBudgets budgets, FundLedger ledger, FundRequests requests, FundPayments payments,
            FundReleases releases, CodeLists codes, Clock clock, People people) {
        this.people = people;
        this.budgets = budgets;
        this.ledger = ledger;
        this.requests = requests;
        this.payments = payments;
        this.releases = releases;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public String labelKey() {
        return "funds.tab";
    }

    @Override
    public String name() {
        return "funds";
    }

    @Override
    public Component create(HouseholdFile file) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        tab.setId("household-funds");
        show(tab, file);
        return tab;
    }

    private void show(VerticalLayout tab, HouseholdFile file) {
        tab.removeAll();
        int year = LocalDate.now(clock).getYear();
        tab.add(FundsFigures.balance(tab, year, ledger.totals(file.id(), year).balance(), "funds-balance"));
        SignedInUser user = CurrentUser.require();
        boolean ownTeam = (user.hasRole(Role.TEAM_MEMBER) || user.hasRole(Role.TEAM_LEADER))
                && file.teamId() != null && file.teamId().equals(user.teamId());
        if (file.stage() == HouseholdStage.PAIRED && (ownTeam || user.hasRole(Role.DISTRICT))) {
            Button start = new Button(tab.getTranslation("funds.release.start"), VaadinIcon.PLUS.create(),
                    e -> startRelease(tab, file));
            start.setId("funds-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.setMinHeight("44px");
            tab.add(start);
        }
        List<Arrangement> current = budgets.current(file.id());
        tab.add(new H3(tab.getTranslation("funds.arrangements")), arrangements(tab, current, "funds-current"));
        if (user.hasRole(Role.DISTRICT) && file.editable()) {
            ArrangementForm form = new ArrangementForm(List.of(year - 1, year, year + 1));
            form.addSaveListener(e -> {
                int version = current.stream().filter(a -> a.year() == e.year() && a.programme() == e.programme())
                        .mapToInt(Arrangement::version).findFirst().orElse(0);
                try {
                    budgets.arrange(file.id(), e.year(), e.programme(), version, e.amount(), e.reason());
                    Notification.show(tab.getTranslation("funds.arranged"), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    show(tab, file);
                } catch (InvalidInput invalid) {
                    form.showErrors(invalid);
                } catch (StaleArrangement stale) {
                    Notification.show(tab.getTranslation("funds.arrangement.stale"), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    show(tab, file);
                }
            });
            tab.add(new H3(tab.getTranslation("funds.change")), form);
        }
        tab.add(new H3(tab.getTranslation("funds.requests")), requests(tab, requests.ofHousehold(file.id())));
        tab.add(new H3(tab.getTranslation("funds.payments")), payments(tab, payments.ofHousehold(file.id())));
        tab.add(new H3(tab.getTranslation("funds.history")),
                arrangements(tab, budgets.history(file.id()), "funds-history"));
    }

    private void startRelease(VerticalLayout tab, HouseholdFile file) {
        try {
            String release = releases.start(file.id());
            tab.getUI().ifPresent(ui -> ui.navigate("tasks/" + releases.openTask(release)));
        } catch (InvalidInput refused) {
            refused.errors().forEach(error -> Notification.show(tab.getTranslation(error.messageKey(),
                    error.arguments()), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    private Grid<Arrangement> arrangements(Component owner, List<Arrangement> arrangements, String id) {
        Names names = new Names(people, owner::getTranslation);
        names.load(arrangements, Arrangement::arrangedBy);
        Grid<Arrangement> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(Arrangement::year).setHeader(owner.getTranslation("funds.year")).setAutoWidth(true);
        grid.addColumn(a -> owner.getTranslation("funds.programme." + a.programme().name()))
                .setHeader(owner.getTranslation("funds.programme")).setAutoWidth(true);
        grid.addColumn(a -> a.amount().format()).setHeader(owner.getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(Arrangement::version).setHeader(owner.getTranslation("funds.version")).setAutoWidth(true);
        grid.addColumn(Arrangement::reason).setHeader(owner.getTranslation("funds.reason")).setFlexGrow(1);
        grid.addColumn(a -> names.of(a.arrangedBy())).setHeader(owner.getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(a -> BureauTime.time(a.arrangedAt())).setHeader(owner.getTranslation("audit.column.time"))
                .setAutoWidth(true);
        ResponsiveGrid.of(grid, "funds.arrangements.empty").card(a -> ResponsiveGrid.card(
                ResponsiveGrid.line(a.year(), owner.getTranslation("funds.programme." + a.programme().name()), a.amount().format()),
                a.reason(), ResponsiveGrid.line(names.of(a.arrangedBy()), BureauTime.time(a.arrangedAt()))));
        return compact(grid, arrangements);
    }

    private Grid<FundRequest> requests(Component owner, List<FundRequest> list) {
        Names names = new Names(people, owner::getTranslation);
        names.learn(list.stream().flatMap(r -> r.currentApprovals().stream()).map(FundRequest.Approval::decidedBy)
                .toList());
        Grid<FundRequest> grid = new Grid<>();
        grid.setId("funds-requests");
        grid.addColumn(r -> BureauTime.time(r.requestedAt())).setHeader(owner.getTranslation("funds.requestedAt"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.amount().format()).setHeader(owner.getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(r -> r.year() + " " + owner.getTranslation("funds.programme." + r.programme().name()))
                .setHeader(owner.getTranslation("funds.programme")).setAutoWidth(true);
        grid.addColumn(r -> codes.label(CodeLists.MEASURE, r.measure(), UI.getCurrent().getLocale()))
                .setHeader(owner.getTranslation("form.field.measure")).setAutoWidth(true);
        grid.addColumn(FundRequest::purpose).setHeader(owner.getTranslation("form.field.purpose")).setFlexGrow(1);
        grid.addComponentColumn(r -> FundsFigures.status(owner, r.status()))
                .setHeader(owner.getTranslation("funds.status")).setAutoWidth(true);
        grid.addColumn(r -> FundsFigures.approvals(owner, names, r)).setHeader(owner.getTranslation("funds.approvals"))
                .setFlexGrow(1);
        ResponsiveGrid.of(grid, "funds.requests.empty").card(r -> ResponsiveGrid.card(
                ResponsiveGrid.line(r.amount().format(), r.year() + " " + owner.getTranslation("funds.programme." + r.programme().name())),
                r.purpose(), FundsFigures.status(owner, r.status()), BureauTime.time(r.requestedAt())));
        return compact(grid, list);
    }

    private static Grid<Payment> payments(Component owner, List<Payment> list) {
        Grid<Payment> grid = new Grid<>();
        grid.setId("funds-payments");
        grid.addColumn(Payment::reference).setHeader(owner.getTranslation("funds.reference")).setAutoWidth(true);
        grid.addColumn(p -> p.amount().format()).setHeader(owner.getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(p -> p.payeeAccount() == null ? "—" : p.payeeAccount())
                .setHeader(owner.getTranslation("field.bankAccount")).setAutoWidth(true);
        grid.addComponentColumn(p -> FundsFigures.status(owner, p)).setHeader(owner.getTranslation("funds.status")).setAutoWidth(true);
        grid.addColumn(p -> p.batchNo() == null ? "—" : p.batchNo()).setHeader(owner.getTranslation("funds.batch"))
                .setAutoWidth(true);
        grid.addColumn(p -> BureauTime.time(p.settledAt() == null ? p.instructedAt() : p.settledAt()))
                .setHeader(owner.getTranslation("audit.column.time")).setAutoWidth(true);
        grid.addColumn(p -> p.failureReason() == null ? "" : p.failureReason())
                .setHeader(owner.getTranslation("funds.failureReason")).setFlexGrow(1);
        ResponsiveGrid.of(grid, "funds.payments.empty").card(p -> ResponsiveGrid.card(
                ResponsiveGrid.line(p.amount().format(), p.reference()), FundsFigures.status(owner, p),
                BureauTime.time(p.settledAt() == null ? p.instructedAt() : p.settledAt()), p.failureReason()));
        return compact(grid, list);
    }

    private static <T> Grid<T> compact(Grid<T> grid, List<T> items) {
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }
}
