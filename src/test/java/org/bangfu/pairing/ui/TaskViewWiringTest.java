package org.bangfu.pairing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import java.util.List;
import java.util.Map;
import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.VisitDraft;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Attachments;
import org.bangfu.household.Households;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingFixture;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.shared.BureauTime;
import org.bangfu.shell.PhotoField;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;

/**
 * The task views built by Spring as the router builds them, with the real facades and the demo cases, for the
 * people who use them: what each one is given to see and to do. (The browser tests click through them.)
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class TaskViewWiringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    ManagementService management;

    @Autowired
    Attachments attachments;

    @Autowired
    Visits visits;

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

    private String taskOf(String head) {
        return jdbc.sql("select t.task_id from bf_task t join bf_household h on h.id = t.household_id where h.head_name = ?")
                .param(head).query(String.class).single();
    }

    private TaskView taskView(String user, String taskId) {
        return as.call(user, () -> {
            TaskView view = context.getAutowireCapableBeanFactory().createBean(TaskView.class);
            view.show(taskId);
            return view;
        });
    }

    private static Optional<Component> find(Component root, String id) {
        return descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(TaskViewWiringTest::descendants));
    }

    @Test
    void theStreetOfficerGetsTheHomeCheckWithItsFormDiagramAndDocuments() {
        TaskView view = taskView("street01", taskOf("陈桂兰"));
        StepForm form = (StepForm) find(view, "task-form").orElseThrow();
        assertThat(form.values()).isEmpty();
        assertThat(form.input("photos")).isInstanceOf(PhotoField.class);
        assertThat(((PhotoField) form.input("photos")).upload().isVisible()).isTrue();
        assertThat(find(view, "diagram-AssistancePairingProcess")).isPresent();
        assertThat(find(view, "task-documents")).isPresent();
        assertThat(find(view, "task-hand-over")).isPresent();
        assertThat(find(view, "task-read-only")).isEmpty();
    }

    @Test
    void theDistrictSeesTheStreetsHomeCheckWithoutAFormAndAnotherTeamDoesNotSeeTheTaskAtAll() {
        TaskView district = taskView("district", taskOf("陈桂兰"));
        assertThat(find(district, "task-read-only")).isPresent();
        assertThat(find(district, "task-form")).isEmpty();
        assertThat(find(district, "task-hand-over")).isEmpty();

        TaskView team02 = taskView("team02", taskOf("王建国"));
        assertThat(find(team02, "task-not-found")).isPresent();
        assertThat(find(team02, "task-household")).isEmpty();
        assertThat(find(taskView("team01", taskOf("王建国")), "task-form")).isPresent();
    }

    @Test
    void theTaskListShowsTheGroupsTasksAndOffersNewCasesAndBulkActionsToOfficersOnly() {
        as.run("street01", () -> {
            TaskListView list = context.getAutowireCapableBeanFactory().createBean(TaskListView.class);
            assertThat(find(list, "tasks-view-GROUP")).isPresent();
            @SuppressWarnings("unchecked")
            Grid<org.bangfu.pairing.TaskRow> grid = (Grid<org.bangfu.pairing.TaskRow>) find(list, "task-grid").orElseThrow();
            assertThat(grid.getLazyDataView().getItems()).extracting(org.bangfu.pairing.TaskRow::headName)
                    .contains("陈桂兰");
            assertThat(find(list, "tasks-bulk-claim")).isPresent();
            assertThat(find(list, "tasks-new-case")).isPresent();
        });
        as.run("team01", () -> {
            TaskListView list = context.getAutowireCapableBeanFactory().createBean(TaskListView.class);
            assertThat(find(list, "tasks-bulk-claim")).isEmpty();
            assertThat(find(list, "tasks-new-case")).isEmpty();
        });
    }
    @Test
    void aDueDateCountedIntoAYearWithoutHolidaysShowsAWarningOnTheTask() {
        String task = taskOf("陈桂兰");
        LocalDate due = jdbc.sql("select due_on from bf_task where task_id = ?").param(task).query(LocalDate.class).single();
        assertThat(descendants(taskView("street01", task))
                .anyMatch(c -> c.hasClassName("bf-calendar-missing"))).isFalse();
        jdbc.sql("update bf_task set due_on = ? where task_id = ?").params(LocalDate.of(2027, 1, 5), task).update();
        try {
            assertThat(descendants(taskView("street01", task))
                    .filter(c -> c.hasClassName("bf-calendar-missing"))
                    .map(c -> c.getElement().getText()).toList())
                    // no translations without a running Vaadin service: the key stands for the text
                    .singleElement().asString().contains("task.calendarMissing");
        } finally {
            jdbc.sql("update bf_task set due_on = ? where task_id = ?").params(due, task).update();
        }
    }

    @Test
    void whileItsNoticeIsPostedTheHouseholdPageOffersToPrintItAgain(@Autowired Households households,
            @Autowired Pairing pairing, @Autowired PairingTasks tasks, @Autowired ManagementService management) {
        PairingFixture fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
        PairingFixture.Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.POST_NOTICE);
        fx.complete(c, PairingVariables.POST_NOTICE);
        try {
            Component section = as.call("street01", () -> context.getBean(CaseSection.class)
                    .create(households.find(family.id()).orElseThrow()));
            assertThat(find(section, "household-case-notice")).isPresent();
            Anchor print = (Anchor) find(section, "household-case-notice-print").orElseThrow();
            assertThat(print.getHref()).endsWith(".pdf");
            assertThat(print.getTarget()).hasValue("_blank");
        } finally {
            PairingFixture.resetClock();
        }
    }

    @Test
    void theHomeChecksPhotosAreAmongTheNextStepsCaseMaterials() throws Exception {
        PairingFixture fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
        Family family = fx.family();
        PairingCase c = fx.start(family);
        long photo = as.call("street01", () -> attachments.add(family.id(), Attachments.Kind.VISIT_PHOTO, "屋顶.png",
                png()).id());
        fx.complete(c, PairingVariables.HOME_CHECK, Map.of("photos", List.of(String.valueOf(photo))));

        TaskView review = taskView("street01", fx.task(c).id());
        Component materials = find(review, "task-documents").orElseThrow();
        assertThat(find(materials, "task-attachment-" + photo)).isPresent();
        assertThat(descendants(materials).map(m -> m.getElement().getText()))
                .noneMatch(text -> text.contains("task.documents.none"));
    }

    @Test
    void theFirstVisitOffersTheVisitTheTeamRecordedAndAsksWhenThereIsNone() {
        PairingFixture fx = new PairingFixture(as, jdbc, households, pairing, tasks, management);
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.FIRST_VISIT_PLAN);
        String task = fx.task(c).id();
        String member = jdbc.sql("""
                select a.username from bf_user_account a join bf_household h on h.team_id = a.team_id
                 where h.id = ? and a.role = 'TEAM_MEMBER' order by a.username fetch first 1 rows only""")
                .param(family.id()).query(String.class).single();
        StepForm empty = (StepForm) find(taskView(member, task), "task-form").orElseThrow();
        assertThat(empty.input("visitDate").isEmpty()).isTrue();
        assertThat(find(empty, "form-prefilled").orElseThrow().isVisible()).isFalse();

        LocalDate visited = BureauTime.today().minusDays(1);
        as.run(member, () -> visits.record(family.id(), new VisitDraft(visited, Visit.Kind.PHONE, member + "、村委会主任",
                "电话了解情况", null, null, null, null, "医疗费用报销", null, null, List.of(), Confirmation.NONE, null)));

        StepForm offered = (StepForm) find(taskView(member, task), "task-form").orElseThrow();
        assertThat(offered.input("visitDate").getValue()).isEqualTo(visited);
        assertThat(offered.input("visitors").getValue()).isEqualTo(member + "、村委会主任");
        assertThat(offered.input("needs").getValue()).isEqualTo("医疗费用报销");
        assertThat(find(offered, "form-prefilled").orElseThrow().isVisible()).isTrue();
    }

    private static byte[] png() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", out);
        return out.toByteArray();
    }
}
