package org.bangfu.funds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.bangfu.funds.FundRequest;
import org.bangfu.funds.Payment;
import org.bangfu.household.Households;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

/** The funds tab of a household's page as Spring wires it: what the district and a team get, and a change saved. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class FundsTabTest {

    @Autowired
    FundsTab tab;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RunAs as;
    long household;

    /** Vaadin holds the current UI only by a weak reference: the test keeps it alive. */
    final UI ui = new UI();

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        UI.setCurrent(ui);
        household = jdbc.sql("select id from bf_household where head_name = '王建国'").query(Long.class).single();
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(FundsTabTest::all));
    }

    private static Component find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElse(null);
    }

    @Test
    void theDistrictChangesAnArrangementAndTheTabShowsTheNewVersion() {
        as.run("district", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            ArrangementForm form = (ArrangementForm) find(view, "arrangement-form");
            assertThat(form).isNotNull();
            form.amount.setValue("80000");
            form.reason.setValue("增加医疗支出");
            form.save.click();
            @SuppressWarnings("unchecked")
            Grid<org.bangfu.funds.Arrangement> current = (Grid<org.bangfu.funds.Arrangement>) find(view, "funds-current");
            assertThat(current.getGenericDataView().getItems())
                    .anySatisfy(a -> assertThat(a.amount().format()).isEqualTo("80,000.00"));
        });
        assertThat(jdbc.sql("select max(version_no) from bf_fund_budget where household_id = ? and programme = 'GENERAL'")
                .param(household).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aTeamSeesTheFundsButNoFormAndNoReleaseBeforeTheHouseholdIsPaired() {
        as.run("team01", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            assertThat(find(view, "funds-current")).isNotNull();
            assertThat(find(view, "arrangement-form")).isNull();
            assertThat(find(view, "funds-start")).isNull();
        });
    }

    @Test
    void aPairedHouseholdsTeamSeesWhereItsMoneyStandsAndMayAskForMore() {
        long paired = jdbc.sql("select id from bf_household where head_name = '刘德明'").query(Long.class).single();
        String team = jdbc.sql("""
                select min(u.username) from bf_user_account u join bf_household h on h.team_id = u.team_id
                 where h.id = ? and u.role = 'TEAM_MEMBER'""").param(paired).query(String.class).single();
        as.run(team, () -> {
            Component view = tab.create(households.find(paired).orElseThrow());
            assertThat(((Span) find(view, "funds-balance-arranged")).getText()).isEqualTo("120,000.00");
            assertThat(((Span) find(view, "funds-balance-paid")).getText()).isEqualTo("100,000.00");
            assertThat(((Span) find(view, "funds-balance-awaitingPayment")).getText()).isEqualTo("5,000.00");
            assertThat(((Span) find(view, "funds-balance-remaining")).getText()).isEqualTo("15,000.00");
            @SuppressWarnings("unchecked")
            Grid<FundRequest> requests = (Grid<FundRequest>) find(view, "funds-requests");
            assertThat(requests.getGenericDataView().getItems().map(r -> r.amount().format()))
                    .containsExactlyInAnyOrder("60,000.00", "40,000.00", "5,000.00");
            @SuppressWarnings("unchecked")
            Grid<Payment> payments = (Grid<Payment>) find(view, "funds-payments");
            assertThat(payments.getGenericDataView().getItems())
                    .allSatisfy(p -> assertThat(p.payeeAccount()).startsWith("****"));
            assertThat(find(view, "funds-start")).isNotNull();
        });
    }
}
