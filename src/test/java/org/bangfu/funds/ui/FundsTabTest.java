package org.bangfu.funds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

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

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        UI.setCurrent(new UI());
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
    void aTeamSeesTheFundsButNoForm() {
        as.run("team01", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            assertThat(find(view, "funds-current")).isNotNull();
            assertThat(find(view, "arrangement-form")).isNull();
        });
    }
}
