package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.bangfu.household.Households;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Steps of a case in the browser on households walked there by the fixture: the first review's quorum, the
 * district's team assignment and the team's plan, an objection during the notice period, a new case from the task
 * list, bulk claim and hand-over. Jobs run by the fixture, as in the process tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class PairingBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    ManagementService management;

    @Autowired
    UserDetailsService users;

    PairingFixture fx;
    Browser browser;

    @BeforeEach
    void setUp() {
        fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);
        browser = new Browser(port, 1280, 900);
    }

    @AfterEach
    void tearDown() {
        browser.close();
        PairingFixture.resetClock();
    }

    private String headName(Family family) {
        return jdbc.sql("select head_name from bf_household where id = ?").param(family.id()).query(String.class).single();
    }

    private void type(String field, String text) {
        WebElement input = browser.await(By.cssSelector("#form-" + field + " input, #form-" + field + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private void choose(String selectId, String label) {
        browser.click(By.id(selectId));
        browser.click(By.xpath("//vaadin-select-item[@role='option'][contains(normalize-space(.), '" + label + "')]"));
    }

    @Test
    void theFirstReviewRefusesTooSmallAQuorumAsItIsTypedAndAcceptsAValidOne() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.complete(c, PairingVariables.HOME_CHECK);
        String taskId = fx.task(c).id();
        browser.signIn("street01");
        browser.open("/tasks/" + taskId);
        browser.awaitText(By.id("task-title"), "村民小组评议 · " + headName(family));
        choose("form-decision", "通过");
        browser.await(By.cssSelector("#form-meetingDate input"))
                .sendKeys(BureauTime.today().format(DateTimeFormatter.ofPattern("yyyy/MM/dd")), Keys.ENTER);
        type("place", "村委会");
        type("members", "12");
        type("present", "5");
        type("votesFor", "5");
        type("votesAgainst", "0");
        type("votesAbstain", "0");
        type("attendees", "村民小组成员5人");
        // the hint judges the numbers as they are typed: 5 of 12 is less than half
        browser.awaitText(By.id("form-quorum"), "实到人数不足：应到 12 人，至少 6 人（1/2）出席方可评议");
        browser.click(By.id("form-submit"));
        browser.awaitContent(By.id("form-present"), "实到人数不足：应到 12 人，至少 6 人（1/2）出席方可评议");
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_REVIEW);
        assertThat(jdbc.sql("select count(*) from bf_review where case_id = ?").param(c.id()).query(Integer.class)
                .single()).isZero();

        type("present", "8");
        type("votesFor", "7");
        type("votesAgainst", "1");
        browser.awaitText(By.id("form-quorum"), "已达到出席人数");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");
        assertThat(jdbc.sql("select present from bf_review where case_id = ? and kind = 'FIRST'").param(c.id())
                .query(Integer.class).single()).isEqualTo(8);
    }

    @Test
    void theDistrictAssignsTheTeamAndTeam01LaterSeesItsHouseholdsPlanTask() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.CONFIRM_TEAM);
        String head = headName(family);
        browser.signIn("district");
        browser.open("/tasks/" + fx.task(c).id());
        browser.awaitText(By.id("task-title"), "指派帮扶小组 · " + head);
        // the proposal is preselected; the district confirms team01's team, giving a reason if it is another
        choose("form-teamId", "第一帮扶小组");
        type("overrideReason", "第一帮扶小组熟悉该村情况");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.FIRST_VISIT_PLAN);

        browser.close();
        browser = new Browser(port, 1280, 900);
        browser.signIn("team01");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '任务清单')]"));
        browser.awaitText(By.id("task-grid"), head);
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + head + "']"));
        browser.awaitText(By.id("task-title"), "首次走访与帮扶计划 · " + head);
        assertThat(browser.await(By.id("task-history")).getText()).contains("指派帮扶小组");
    }

    @Test
    void anObjectionDuringTheNoticePeriodIsRecordedFromTheHouseholdPageAndStartsTheRecheck() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.POST_NOTICE);
        fx.complete(c, PairingVariables.POST_NOTICE);
        browser.signIn("street01");
        browser.open("/households/" + family.id());
        browser.awaitText(By.id("household-case-notice"), "村级公示（第 1 轮）");
        browser.click(By.id("household-case-objection"));
        browser.await(By.id("objection-form"));
        // nothing said yet: refused on the field, nothing recorded
        browser.click(By.id("objection-save"));
        browser.awaitContent(By.id("objection-content"), "必填");
        assertThat(jdbc.sql("select count(*) from bf_objection o join bf_notice n on n.id = o.notice_id where n.case_id = ?")
                .param(c.id()).query(Integer.class).single()).isZero();
        choose("objection-channel", "来电");
        browser.await(By.cssSelector("#objection-content textarea")).sendKeys("该户子女有稳定收入");
        browser.click(By.id("objection-save"));
        browser.awaitText(By.id("household-case"), "异议复核");
        assertThat(fx.task(c).key()).isEqualTo(PairingVariables.RECHECK);
    }

    @Test
    void street01OpensANewCaseFromTheTaskListClaimsInBulkAndHandsTasksOver() {
        Family first = fx.family();
        Family second = fx.family();
        PairingCase a = fx.start(first);
        PairingCase b = fx.start(second);
        browser.signIn("street01");
        browser.open("/tasks");
        browser.awaitText(By.id("task-grid"), headName(first));
        select(headName(first));
        select(headName(second));
        browser.awaitText(By.id("tasks-bulk-claim"), "（2）");
        browser.click(By.id("tasks-bulk-claim"));
        browser.awaitText(By.tagName("vaadin-notification-card"), "已办理 2 项");
        assertThat(assignee(a)).isEqualTo("street01");
        assertThat(assignee(b)).isEqualTo("street01");

        // a new household: the file opens and its home check is next; then it goes to the colleague
        browser.click(By.id("tasks-new-case"));
        browser.await(By.cssSelector("#new-case-headName input")).sendKeys("新来户");
        browser.await(By.cssSelector("#new-case-idNumber input")).sendKeys(TestIds.id(LocalDate.of(1970, 2, 3), 517));
        browser.click(By.id("new-case-start"));
        browser.awaitContent(By.id("new-case-villageId"), "请选择村（社区）");
        browser.await(By.cssSelector("#new-case-villageId input")).sendKeys(Keys.ARROW_DOWN);
        browser.click(By.cssSelector("vaadin-combo-box-item"));
        choose("new-case-attribute", "低保户");
        browser.click(By.id("new-case-start"));
        browser.awaitText(By.id("task-title"), "入户核查 · 新来户");
        browser.click(By.id("task-hand-over"));
        choose("hand-over-colleague", "street01b");
        browser.click(By.id("hand-over-confirm"));
        browser.awaitPath("/tasks");
        assertThat(jdbc.sql("""
                select t.assignee from bf_task t join bf_household h on h.id = t.household_id where h.head_name = '新来户'""")
                .query(String.class).single()).isEqualTo("street01b");
    }

    @Test
    void inEnglishTheTaskListAndATaskPageSpeakEnglish() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        fx.walkTo(c, PairingVariables.CONFIRM_TEAM);
        browser.open("/login");
        browser.await(By.id("language-switch")).click();
        browser.awaitText(By.id("login-view"), "Username");
        browser.submitLogin("district", "Demo@2019");
        browser.await(By.id("home-view"));
        browser.open("/tasks");
        browser.awaitText(By.id("task-grid"), headName(family));
        assertThat(browser.bodyText()).contains("My tasks", "All tasks", "Assign an assistance team").doesNotContain("任务清单",
                "我的任务", "期限", "签收");
        browser.screenshot("task-list-en");
        browser.open("/tasks/" + fx.task(c).id());
        browser.awaitText(By.id("task-title"), headName(family));
        browser.await(By.id("task-caseloads"));
        String page = browser.bodyText();
        assertThat(page).contains("Submit", "Case documents", "Hand over").doesNotContain("提交", "案件材料", "转交",
                "办理记录", "结论");
        browser.screenshot("task-page-en");
    }

    /** Ticks the row's check box in the task grid's selection column. */
    private void select(String head) {
        browser.driver().executeScript("""
                const grid = document.getElementById('task-grid');
                const content = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.trim() === arguments[0]);
                const row = content.assignedSlot.parentElement.parentElement;
                const slot = row.querySelector('td slot').name;
                grid.querySelector('vaadin-grid-cell-content[slot="' + slot + '"] vaadin-checkbox').click();""", head);
    }

    private String assignee(PairingCase c) {
        return jdbc.sql("select assignee from bf_task where case_id = ?").param(c.id()).query(String.class).single();
    }
}
