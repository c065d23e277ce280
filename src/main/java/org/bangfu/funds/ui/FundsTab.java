package org.bangfu.funds.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bangfu.funds.Arrangement;
import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundLedger;
import org.bangfu.funds.StaleArrangement;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdPageTab;
import org.bangfu.household.InvalidInput;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * 帮扶资金 on a household's page: what is arranged this year and before (the newest version of each), the ledger's
 * totals, every version with its reason, and for the district the form that changes an arrangement.
 */
@org.springframework.stereotype.Component
class FundsTab implements HouseholdPageTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final FundBudgets budgets;
    private final FundLedger ledger;
    private final Clock clock;

    FundsTab(FundBudgets budgets, FundLedger ledger, Clock clock) {
        this.budgets = budgets;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String labelKey() {
        return "funds.tab";
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
        FundLedger.Totals totals = ledger.totals(file.id(), year);
        Span arranged = new Span(tab.getTranslation("funds.totals", String.valueOf(year),
                totals.of(FundLedger.Kind.ARRANGED).format(), totals.of(FundLedger.Kind.PAID).format()));
        arranged.setId("funds-totals");
        List<Arrangement> current = budgets.current(file.id());
        tab.add(arranged, grid(tab, current, "funds-current"));
        if (CurrentUser.require().hasRole(Role.DISTRICT) && file.editable()) {
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
        tab.add(new H3(tab.getTranslation("funds.history")), grid(tab, budgets.history(file.id()), "funds-history"));
    }

    private static Grid<Arrangement> grid(Component owner, List<Arrangement> arrangements, String id) {
        Grid<Arrangement> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(Arrangement::year).setHeader(owner.getTranslation("funds.year")).setAutoWidth(true);
        grid.addColumn(a -> owner.getTranslation("funds.programme." + a.programme().name()))
                .setHeader(owner.getTranslation("funds.programme")).setAutoWidth(true);
        grid.addColumn(a -> a.amount().format()).setHeader(owner.getTranslation("funds.amount")).setAutoWidth(true);
        grid.addColumn(Arrangement::version).setHeader(owner.getTranslation("funds.version")).setAutoWidth(true);
        grid.addColumn(Arrangement::reason).setHeader(owner.getTranslation("funds.reason")).setFlexGrow(1);
        grid.addColumn(Arrangement::arrangedBy).setHeader(owner.getTranslation("audit.column.actor")).setAutoWidth(true);
        grid.addColumn(a -> TIME.format(a.arrangedAt())).setHeader(owner.getTranslation("audit.column.time"))
                .setAutoWidth(true);
        grid.setItems(arrangements);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }
}
