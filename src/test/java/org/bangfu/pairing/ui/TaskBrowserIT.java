package org.bangfu.pairing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The task list and a task page in the browser, worked by the demo accounts on the demo cases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void street01CompletesTheHomeCheckFromItsTaskList() {
        browser.signIn("street01");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '任务清单')]"));
        browser.awaitText(By.id("task-grid"), "陈桂兰");
        assertThat(browser.bodyText()).contains("本组任务（1）", "入户核查");
        browser.screenshot("task-list-street01");

        browser.click(By.xpath("//vaadin-grid-cell-content[contains(., '陈桂兰')]"));
        browser.awaitText(By.id("task-title"), "入户核查 · 陈桂兰");
        // the process diagram marks the current step
        browser.present(By.cssSelector(
                "#diagram-AssistancePairingProcess .djs-element.bf-current[data-element-id='Task_HomeCheck']"));
        browser.screenshot("task-page-home-check");
        browser.await(By.cssSelector("#form-visitDate input"))
                .sendKeys(BureauTime.today().format(DateTimeFormatter.ofPattern("yyyy/MM/dd")), Keys.ENTER);
        browser.await(By.cssSelector("#form-visitors input")).sendKeys("张明");
        browser.await(By.cssSelector("#form-findings textarea")).sendKeys("住房破旧，户主行动不便，无稳定收入");
        browser.click(By.id("form-decision"));
        browser.click(By.xpath("//vaadin-select-item[normalize-space(.)='通过']"));
        browser.click(By.id("form-submit"));
        // one visitor is not enough: the field says so and nothing changed
        browser.awaitText(By.id("task-form"), "入户核查至少需要两人");
        browser.await(By.cssSelector("#form-visitors input")).sendKeys("、李华");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");
        assertThat(jdbc.sql("""
                select t.task_key from bf_task t join bf_household h on h.id = t.household_id where h.head_name = '陈桂兰'""")
                .query(String.class).single()).isEqualTo("Task_FirstReview");
    }

    @Test
    void onAPhoneStreet01StartsACaseFromTheHouseholdPageAndCompletesTheHomeCheck() {
        long village = jdbc.sql("select id from bf_village where code = 'S01-V2'").query(Long.class).single();
        long street = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        long household = new RunAs(users).call("street01", () -> {
            HouseholdFile file = households.create(new HouseholdDraft("新申请户", street, village, "中央城12号", null, null,
                    Attribute.DIBAO, null, null, null, null, "ILLNESS", List.of(), null, null));
            households.addMember(file.id(), new MemberDraft("新申请户", "HEAD", null, null,
                    TestIds.id(LocalDate.of(1966, 5, 4), 731), null, null, null, null, null, null, false, false));
            return file.id();
        });
        browser.close();
        browser = new Browser(port, 390, 844);
        browser.signIn("street01");
        // the bell counts the street's new tasks
        assertThat(browser.await(By.id("notification-bell")).getText()).isNotBlank();
        browser.open("/households/" + household);
        browser.click(By.id("household-case-start"));
        browser.awaitText(By.id("task-title"), "入户核查 · 新申请户");
        // on a phone the date picker opens a full-screen calendar instead of taking keys: set the date as it would
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.await(By.id("form-visitDate")),
                BureauTime.today().toString());
        browser.await(By.cssSelector("#form-visitors input")).sendKeys("张明、李华");
        browser.await(By.cssSelector("#form-findings textarea")).sendKeys("两人入户，情况属实");
        browser.click(By.id("form-decision"));
        // the phone's bottom sheet slides in: pick the item once it has settled, not while the items move
        WebDriverWait sheet = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        sheet.until(d -> !d.findElements(By.cssSelector("vaadin-select-overlay[opened]:not([opening])")).isEmpty());
        browser.click(By.xpath("//vaadin-select-item[normalize-space(.)='通过']"));
        sheet.until(d -> d.findElements(By.cssSelector("vaadin-select-overlay[opened]")).isEmpty());
        assertThat((String) browser.driver().executeScript(
                "return document.querySelector('#form-decision vaadin-select-value-button').textContent"))
                .contains("通过").doesNotContain("不通过");
        assertThat(browser.await(By.id("form-submit")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        assertThat((Long) browser.driver().executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390L);
        browser.screenshot("task-page-phone");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");
        browser.open("/households/" + household);
        browser.awaitText(By.id("household-case"), "村民小组评议");
    }

    @Test
    void aTeamCannotOpenAnotherTeamsTaskByItsAddress() {
        String team01Task = jdbc.sql("""
                select t.task_id from bf_task t join bf_household h on h.id = t.household_id where h.head_name = '王建国'""")
                .query(String.class).single();
        browser.signIn("team02");
        browser.open("/tasks/" + team01Task);
        browser.awaitText(By.id("task-not-found"), "不在您的权限范围内");
        assertThat(browser.bodyText()).doesNotContain("王建国");

        browser.close();
        browser = new Browser(port, 1280, 900);
        browser.signIn("team01");
        browser.open("/tasks/" + team01Task);
        browser.awaitText(By.id("task-title"), "首次走访与帮扶计划 · 王建国");
        // the diagram shows the steps done before the plan (also those scrolled out of view), and the plan as current
        browser.present(By.cssSelector(
                "#diagram-AssistancePairingProcess .djs-element.bf-done[data-element-id='Task_SecondReview']"));
        browser.present(By.cssSelector(
                "#diagram-AssistancePairingProcess .djs-element.bf-current[data-element-id='Task_FirstVisitPlan']"));
    }
}
