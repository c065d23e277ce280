package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.household.Households;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.pairing.PairingFixture.OpenTask;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
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
 * Every form of the pairing workflow on a phone (390 × 844): neither the page nor the history of the steps done
 * scrolls sideways, every field and button of the form is at least 44 px high, and number fields open the number
 * keypad. One case is walked through every step by the fixture; each step's
 * page is opened by the person who works it, measured and kept as a screenshot ({@code phone-STEP.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class PhoneFormsBrowserIT {

    /** The form's controls, as measured: a field by its input area, a button as it is. */
    private static final String TOO_SMALL = """
            const small = [];
            document.getElementById('task-form').querySelectorAll(
                'vaadin-text-field, vaadin-text-area, vaadin-select, vaadin-combo-box, vaadin-multi-select-combo-box,'
                + ' vaadin-date-picker, vaadin-button').forEach(el => {
              if (el.offsetParent === null) return;
              const target = (el.shadowRoot && el.shadowRoot.querySelector('[part="input-field"]')) || el;
              const height = target.getBoundingClientRect().height;
              if (height < 44) small.push((el.id || el.tagName) + ' ' + height);
            });
            return small;""";

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
    Notices notices;

    @Autowired
    ManagementService management;

    @Autowired
    UserDetailsService users;

    PairingFixture fx;
    Browser browser;
    String signedIn;

    @BeforeEach
    void setUp() {
        fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
        PairingFixture.resetClock();
    }

    @Test
    void everyFormOfTheWorkflowFitsAPhoneWithTouchTargetsOfAtLeast44Pixels() {
        Family family = fx.family();
        PairingCase c = fx.start(family);
        measure(fx.task(c));
        typeADate();
        fx.complete(c, PairingVariables.HOME_CHECK);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.FIRST_REVIEW);
        fx.runJobs(c);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.SECOND_REVIEW);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.POST_NOTICE);
        long noticeId = jdbc.sql("select id from bf_notice where case_id = ? and status = 'POSTED'").param(c.id())
                .query(Long.class).single();
        fx.as.run("street01", () -> notices.raiseObjection(noticeId, new Objection.Draft(BureauTime.today(),
                Objection.Channel.VISIT, "村民", null, "该户有人在外务工")));
        measure(fx.task(c));
        fx.complete(c, PairingVariables.RECHECK);
        fx.noticeWithoutObjection(c);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.STREET_REVIEW);
        fx.noticeWithoutObjection(c);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.FILING);
        measure(fx.task(c));
        fx.complete(c, PairingVariables.CONFIRM_TEAM);
        measure(fx.task(c));

        // the warnings' step: the demo household whose comparison finds warnings, compared now
        long zheng = jdbc.sql("select id from bf_household where head_name = '郑大海'").query(Long.class).single();
        PairingCase zhengsCase = fx.as.call("district", () -> pairing.cases(zheng)).get(0);
        fx.runJobs(zhengsCase);
        OpenTask warnings = fx.task(zhengsCase);
        assertThat(warnings.key()).isEqualTo(PairingVariables.RESOLVE_WARNINGS);
        measure(warnings);

        // and the task list itself
        browser.open("/tasks");
        browser.await(By.id("task-grid"));
        assertThat(pageWidth()).isLessThanOrEqualTo(390L);
        assertThat(browser.await(By.id("tasks-view-GROUP")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        browser.screenshot("phone-task-list");
    }

    private void measure(OpenTask task) {
        String worker = fx.worker(task);
        if (!worker.equals(signedIn)) {
            if (browser != null) {
                browser.close();
            }
            browser = new Browser(port, 390, 844);
            browser.signIn(worker);
            signedIn = worker;
        }
        browser.open("/tasks/" + task.id());
        browser.await(By.id("form-submit"));
        browser.present(By.cssSelector("#task-progress .djs-element.bf-current"));
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) browser.driver().executeScript(TOO_SMALL);
        assertThat(small).as(task.key()).isEmpty();
        assertThat(pageWidth()).as(task.key()).isLessThanOrEqualTo(390L);
        // the steps done (办理记录) as cards, votes and amounts with the number keypad, the step named in the bar
        assertThat(browser.sideways()).as(task.key()).isEmpty();
        assertThat(browser.numberFieldsWithoutKeypad()).as(task.key()).isEmpty();
        assertThat(browser.barTitle()).as(task.key()).isNotBlank();
        browser.screenshot("phone-" + task.key());
    }

    /** The home check's visit date, typed on the phone's keyboard; its calendar speaks Chinese. */
    private void typeADate() {
        String yesterday = BureauTime.today().minusDays(1).toString();
        WebElement input = browser.await(By.cssSelector("#form-visitDate input"));
        assertThat(input.getDomAttribute("readonly")).as("the phone's keyboard may type the date").isNull();
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(yesterday, Keys.ENTER);
        assertThat(browser.driver().executeScript("return document.getElementById('form-visitDate').value"))
                .isEqualTo(yesterday);
        assertThat(input.getDomProperty("value")).isEqualTo(yesterday);

        @SuppressWarnings("unchecked")
        List<Object> calendar = (List<Object>) browser.driver().executeScript("""
                const picker = document.getElementById('form-visitDate');
                picker.open();
                const i18n = picker.i18n;
                return [i18n.formatTitle(i18n.monthNames[11], 2026), i18n.weekdaysShort[1], i18n.firstDayOfWeek,
                    i18n.today, i18n.cancel];""");
        assertThat(calendar).containsExactly("2026年十二月", "一", 1L, "今天", "取消");
        browser.screenshot("phone-date-picker");
        browser.driver().executeScript("document.getElementById('form-visitDate').close()");
    }

    private Long pageWidth() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }
}
