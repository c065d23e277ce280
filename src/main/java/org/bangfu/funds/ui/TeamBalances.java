package org.bangfu.funds.ui;

import java.util.List;

import org.bangfu.funds.FundLedger;
import org.bangfu.shell.ResponsiveGrid;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** 资金管理's team balances: each team's funds of the year, from arranged to paid, and the district's total. */
class TeamBalances extends VerticalLayout {

    TeamBalances(FundLedger ledger, int year) {
        setPadding(false);
        List<FundLedger.TeamBalance> balances = ledger.teams(year);
        FundLedger.TeamBalance total = balances.get(balances.size() - 1);
        Grid<FundLedger.TeamBalance> grid = new Grid<>();
        grid.setId("funds-teams");
        grid.addColumn(t -> t.teamName() == null ? getTranslation("funds.teams.unassigned") : t.teamName())
                .setHeader(getTranslation("funds.team")).setAutoWidth(true);
        grid.addColumn(t -> t.streetName() == null ? "" : t.streetName()).setHeader(getTranslation("field.streetId"))
                .setAutoWidth(true);
        grid.addColumn(FundLedger.TeamBalance::households).setHeader(getTranslation("funds.teams.households"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.balance().arranged().format()).setHeader(getTranslation("funds.balance.arranged"));
        grid.addColumn(t -> t.balance().inApproval().format()).setHeader(getTranslation("funds.balance.inApproval"));
        grid.addColumn(t -> t.balance().awaitingPayment().format())
                .setHeader(getTranslation("funds.balance.awaitingPayment"));
        grid.addColumn(t -> t.balance().paid().format()).setHeader(getTranslation("funds.balance.paid"));
        grid.addColumn(t -> t.balance().remaining().format()).setHeader(getTranslation("funds.balance.remaining"));
        ResponsiveGrid.of(grid, "funds.teams.empty").card(t -> ResponsiveGrid.card(
                ResponsiveGrid.line(t.teamName() == null ? getTranslation("funds.teams.unassigned") : t.teamName(),
                        t.streetName()),
                getTranslation("funds.teams.households") + " " + t.households(),
                getTranslation("funds.balance.arranged") + " " + t.balance().arranged().format(),
                getTranslation("funds.balance.paid") + " " + t.balance().paid().format(),
                getTranslation("funds.balance.remaining") + " " + t.balance().remaining().format()));
        grid.setItems(balances.subList(0, balances.size() - 1));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(new Span(getTranslation("funds.teams.total", total.households())),
                FundsFigures.balance(this, year, total.balance(), "funds-total"), grid);
    }
}
