package org.bangfu.handbook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Measure;
import org.bangfu.handbook.MeasureDraft;
import org.bangfu.handbook.Measures;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.VisitDraft;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Households;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/** The handbook tab of a household's page as Spring wires it: what a team and leadership get, a measure moved on. */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HandbookTabTest {

    @Autowired
    HandbookTab tab;

    @Autowired
    Households households;

    @Autowired
    Visits visits;

    @Autowired
    Measures measures;

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
        household = jdbc.sql("select id from bf_household where head_name = '张玉珍'").query(Long.class).single();
    }

    @AfterEach
    void tearDown() {
        UI.setCurrent(null);
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(HandbookTabTest::all));
    }

    private static Component find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElse(null);
    }

    private static String text(Component root) {
        StringBuilder out = new StringBuilder();
        all(root).filter(HasText.class::isInstance).forEach(c -> out.append(((HasText) c).getText()).append('\n'));
        return out.toString();
    }

    @Test
    void theTeamSeesItsVisitsAndPlanAndMovesAMeasureOn() {
        Visit visit = as.call("team04", () -> visits.record(household, new VisitDraft(BureauTime.today(), Visit.Kind.PHONE,
                "team04", "电话了解孙辈上学情况", null, null, null, "两个孩子均按时上学", null, null, null, List.of(),
                Confirmation.NONE, null)));
        Measure measure = as.call("team04", () -> measures.plan(household, new MeasureDraft("HEALTH", "镇卫生院", null,
                "为张玉珍办理慢病卡", BureauTime.today(), null, null)));

        as.run("team04", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            assertThat(find(view, "handbook-add-visit")).isNotNull();
            assertThat(find(view, "handbook-add-measure")).isNotNull();
            assertThat(find(view, "handbook-add-result")).isNotNull();
            assertThat(find(view, "handbook-print")).isNotNull();
            assertThat(find(view, "handbook-propose-exit")).as("a paired household's team may propose exit").isNotNull();
            Component card = find(view, "visit-" + visit.id());
            // (a bare UI has no translations: labels show as their keys)
            assertThat(text(card)).contains("handbook.visit.kind.PHONE", "电话了解孙辈上学情况", "两个孩子均按时上学",
                    "handbook.confirmation.NONE");
            @SuppressWarnings("unchecked")
            Grid<Measure> grid = (Grid<Measure>) find(view, "handbook-measures");
            assertThat(grid.getGenericDataView().getItems()).extracting(Measure::id).contains(measure.id());
        });
        as.run("team04", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            @SuppressWarnings("unchecked")
            Grid<Measure> grid = (Grid<Measure>) find(view, "handbook-measures");
            Measure shown = grid.getGenericDataView().getItems().filter(m -> m.id() == measure.id()).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            ComponentRenderer<Component, Measure> actions = (ComponentRenderer<Component, Measure>) grid.getColumns()
                    .get(grid.getColumns().size() - 1).getRenderer();
            Component buttons = actions.createComponent(shown);
            assertThat(find(buttons, "measure-drop-" + measure.id())).isNotNull();
            ((Button) find(buttons, "measure-start-" + measure.id())).click();
            @SuppressWarnings("unchecked")
            Grid<Measure> redrawn = (Grid<Measure>) find(view, "handbook-measures");
            assertThat(redrawn.getGenericDataView().getItems()).filteredOn(m -> m.id() == measure.id())
                    .extracting(Measure::status).containsExactly(Measure.Status.IN_PROGRESS);
        });
    }

    @Test
    void leadershipReadsAndPrintsButRecordsNothing() {
        as.run("leader", () -> {
            Component view = tab.create(households.find(household).orElseThrow());
            assertThat(find(view, "handbook-print")).isNotNull();
            assertThat(find(view, "handbook-add-visit")).isNull();
            assertThat(find(view, "handbook-add-measure")).isNull();
            assertThat(find(view, "handbook-propose-exit")).isNull();
        });
    }

    @Test
    void anExitedHouseholdsHandbookIsReadOnly() {
        long exited = jdbc.sql("select id from bf_household where head_name = '赵长生'").query(Long.class).single();
        String stage = jdbc.sql("select stage from bf_household where id = ?").param(exited).query(String.class).single();
        jdbc.sql("update bf_household set stage = 'EXITED' where id = ?").param(exited).update();
        try {
            as.run("district", () -> {
                Component view = tab.create(households.find(exited).orElseThrow());
                assertThat(find(view, "handbook-add-visit")).isNull();
                assertThat(text(view)).contains("handbook.exited");
            });
        } finally {
            jdbc.sql("update bf_household set stage = ? where id = ?").params(stage, exited).update();
        }
    }
}
