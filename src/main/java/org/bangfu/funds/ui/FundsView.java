package org.bangfu.funds.ui;

import java.time.Clock;
import java.time.LocalDate;

import org.bangfu.funds.FundLedger;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundRequests;
import org.bangfu.household.CodeLists;
import org.bangfu.organisation.Organisation;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.People;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shell.MainLayout;
import org.bangfu.shell.Names;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * 资金管理: the district's approval queue (the same tasks as in the task list), the payments waiting for the bank
 * with the batch files to download and the bank's confirmations to upload, the ledger with its filters and
 * export, and each team's balance. Leadership reads it all; teams and streets see the ledger and balances of
 * their own households.
 */
@Route(value = "funds", layout = MainLayout.class)
@Menu(title = "nav.funds", order = 30, icon = "vaadin:money")
@RolesAllowed({ Role.Names.DISTRICT, Role.Names.LEADER, Role.Names.STREET, Role.Names.TEAM_MEMBER,
        Role.Names.TEAM_LEADER })
class FundsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final TabSheet tabs = new TabSheet();
    private final LedgerSection ledger;
    private final Tab ledgerTab;
    private final Tab teamsTab;

    FundsView(FundRequests requests, FundPayments payments, FundLedger ledger, Organisation organisation,
            CodeLists codes, Clock clock, People people) {
        Names names = new Names(people, this::getTranslation);
        int year = LocalDate.now(clock).getYear();
        setId("funds-view");
        addClassName("bf-page");
        SignedInUser user = CurrentUser.require();
        tabs.setWidthFull();
        if (user.hasRole(Role.DISTRICT) || user.hasRole(Role.LEADER)) {
            tabs.add(getTranslation("funds.view.approvals"), new ApprovalQueue(requests, codes, names))
                    .setId("funds-tab-approvals");
            tabs.add(getTranslation("funds.view.payments"), new PaymentsSection(payments, names))
                    .setId("funds-tab-payments");
        }
        this.ledger = new LedgerSection(ledger, organisation, names, year);
        ledgerTab = tabs.add(getTranslation("funds.view.ledger"), this.ledger);
        ledgerTab.setId("funds-tab-ledger");
        teamsTab = tabs.add(getTranslation("funds.view.teams"), new TeamBalances(ledger, year));
        teamsTab.setId("funds-tab-teams");
        add(tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.funds");
    }

    /**
     * Opened from a figure elsewhere (the dashboard): {@code tab=teams} shows each team's balance; otherwise the
     * ledger, filtered as the address asks.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        if (query.getParameters().isEmpty()) {
            return;
        }
        if (query.getSingleParameter("tab").filter("teams"::equals).isPresent()) {
            tabs.setSelectedTab(teamsTab);
            return;
        }
        tabs.setSelectedTab(ledgerTab);
        ledger.filterBy(query);
    }
}
