package org.bangfu.household.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.UI;

/** A household's page built as the router builds it, opened on the tab its address names. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HouseholdViewWiringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RunAs as;

    /** Vaadin holds the current UI only by a weak reference: the test keeps it alive. */
    final UI ui = new UI();

    @BeforeEach
    void setUp() {
        as = new RunAs(users);
        UI.setCurrent(ui);
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
    }

    private String openedOn(String user, long household, String tab) {
        return as.call(user, () -> {
            HouseholdView view = context.getAutowireCapableBeanFactory().createBean(HouseholdView.class);
            view.show(household, tab);
            return view.selectedTab();
        });
    }

    @Test
    void theAddressNamesTheTabThePageOpensOnTheFilesOwnAndAFeaturesAlike() {
        long household = jdbc.sql("select id from bf_household where head_name = '王建国'").query(Long.class).single();
        assertThat(openedOn("team01", household, "handbook")).isEqualTo("handbook");
        assertThat(openedOn("team01", household, "members")).isEqualTo("members");
        assertThat(openedOn("team01", household, "history")).isEqualTo("history");
        assertThat(openedOn("team01", household, "funds")).isEqualTo("funds");
        assertThat(openedOn("team01", household, null)).isEqualTo("basics");
        assertThat(openedOn("team01", household, "nonsense")).isEqualTo("basics");
    }
}
