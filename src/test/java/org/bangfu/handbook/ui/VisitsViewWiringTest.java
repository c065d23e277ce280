package org.bangfu.handbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;

/** 走访 as a team leader opens it: narrowed to the overdue households only when some are overdue. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class VisitsViewWiringTest {

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

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(VisitsViewWiringTest::descendants));
    }

    private record Opened(boolean overdueOnly, long cards) {
    }

    private Opened open(String user) {
        return as.call(user, () -> {
            VisitsView view = context.getAutowireCapableBeanFactory().createBean(VisitsView.class);
            Checkbox overdueOnly = (Checkbox) descendants(view)
                    .filter(c -> c.getId().filter("visits-overdue-only"::equals).isPresent()).findFirst().orElseThrow();
            return new Opened(overdueOnly.getValue(), descendants(view)
                    .filter(c -> c.getId().filter(id -> id.startsWith("visit-card-")).isPresent()).count());
        });
    }

    @Test
    void aTeamLeaderSeesTheTeamsHouseholdsUnlessSomeAreOverdue() {
        // 王建国, team01's household in assistance, is due today: nothing is overdue, and the list shows it
        Opened team01 = open("lead01");
        assertThat(team01.overdueOnly()).isFalse();
        assertThat(team01.cards()).isPositive();

        long household = jdbc.sql("select id from bf_household where head_name = '马建军'").query(Long.class).single();
        LocalDate last = jdbc.sql("select max(visited_on) from bf_visit where household_id = ?").param(household)
                .query(LocalDate.class).single();
        jdbc.sql("update bf_visit set visited_on = visited_on - 400 where household_id = ?").param(household).update();
        try {
            Opened team11 = open("lead11");
            assertThat(team11.overdueOnly()).isTrue();
            assertThat(team11.cards()).isPositive();
        } finally {
            jdbc.sql("update bf_visit set visited_on = visited_on + 400 where household_id = ?").param(household)
                    .update();
        }
        assertThat(jdbc.sql("select max(visited_on) from bf_visit where household_id = ?").param(household)
                .query(LocalDate.class).single()).isEqualTo(last);
    }
}
