package org.bangfu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.MutableClock;
import org.bangfu.testsupport.MutableClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator keeps the holiday calendar in the browser: a make-up day on a weekday is refused; from
 * 1 November the landing page and the bell ask for next year, whose file is imported after a preview, on a desktop
 * and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkingDaysBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    CalendarReminders reminders;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void secondOfNovember2026() {
        clock.advance(Duration.between(clock.instant(),
                LocalDateTime.of(2026, 11, 2, 9, 0).atZone(BureauTime.zone()).toInstant()));
        reminders.remind();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theAdministratorSeesTheYearAndCannotMakeAWeekdayAMakeUpDay() {
        browser = new Browser(port, 1280, 900);
        browser.signIn("admin");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '节假日安排')]"));
        browser.awaitText(By.id("calendar-grid"), "国庆节调休上班");
        assertThat(browser.driver().findElement(By.id("calendar-grid")).getText()).contains("2026-10-10", "春节");
        browser.screenshot("calendar-2026");

        WebElement day = browser.await(By.cssSelector("#calendar-day input"));
        day.sendKeys("2026/12/23", Keys.ENTER);
        browser.click(By.id("calendar-kind"));
        browser.click(By.xpath("//vaadin-select-item[contains(., '调休上班')]"));
        browser.click(By.id("calendar-save"));
        browser.awaitText(By.id("calendar-view"), "调休上班日只能是周六或周日");
        assertThat(browser.bodyText()).contains("请填写名称");
    }

    @Test
    @Order(2)
    void aTaskDueInAYearWithoutEntriesIsFlaggedInTheListOnADesktopAndOnAPhone() {
        String task = jdbc.sql("""
                select t.task_id from bf_task t join bf_user_account a on t.candidate_group = concat('street-', a.street_id)
                 where a.username = 'street01' order by t.task_id fetch first 1 rows only""").query(String.class).single();
        LocalDate due = jdbc.sql("select due_on from bf_task where task_id = ?").param(task).query(LocalDate.class).single();
        jdbc.sql("update bf_task set due_on = ? where task_id = ?").params(LocalDate.of(2027, 1, 5), task).update();
        try {
            browser = new Browser(port, 1440, 900);
            browser.signIn("street01");
            browser.open("/tasks?view=GROUP");
            browser.awaitContent(By.id("task-grid"), "2027年节假日安排尚未录入，期限可能不准");
            browser.screenshot("tasks-calendar-missing-1440");
            browser.close();

            browser = new Browser(port, 390, 844);
            browser.signIn("street01");
            browser.open("/tasks?view=GROUP");
            browser.awaitContent(By.id("task-grid"), "2027年节假日安排尚未录入，期限可能不准");
            assertThat(sideways()).isFalse();
            browser.screenshot("tasks-calendar-missing-390");
            browser.open("/tasks/" + task);
            browser.awaitContent(By.id("task-view"), "2027年节假日安排尚未录入，期限可能不准");
        } finally {
            jdbc.sql("update bf_task set due_on = ? where task_id = ?").params(due, task).update();
        }
    }

    @Test
    @Order(3)
    void onADesktopTheLandingPageAsksForNextYearAndItsFileIsImportedAfterAPreview(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        browser = new Browser(port, 1440, 900);
        browser.signIn("admin");
        browser.awaitText(By.id("landing-calendar-missing"), "2027年节假日安排尚未录入");
        browser.click(By.id("notification-bell"));
        browser.awaitText(By.id("notification-grid"), "2027年节假日安排尚未录入");
        browser.click(By.xpath("//vaadin-grid-cell-content[contains(., '2027年节假日安排尚未录入')]"));
        browser.awaitPath("/calendar");

        browser.click(By.id("calendar-import-open"));
        upload(write(dir, "bad.csv", """
                date,kind,name
                2027-01-01,holiday,元旦
                2027-01-08,workday,调休
                2027-13-01,holiday,春节
                """.getBytes(StandardCharsets.UTF_8)));
        browser.awaitText(By.id("calendar-import-outcome"), "文件有 2 处问题，未导入任何内容");
        browser.awaitContent(By.id("calendar-import-rows"), "2027-01-08 不是周六或周日");
        browser.awaitContent(By.id("calendar-import-rows"), "日期“2027-13-01”无效");
        assertThat(browser.all(By.id("calendar-import-confirm")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        browser.screenshot("calendar-import-problems-1440");

        // as Excel saves a CSV in China: GBK
        browser.click(By.id("calendar-import-cancel"));
        browser.click(By.id("calendar-import-open"));
        upload(write(dir, "2027.csv", """
                # 2027 arrangement
                日期,类型,名称
                2027/1/1,放假,元旦
                2027/1/2,放假,元旦
                2027/1/3,放假,元旦
                2027/2/20,上班,春节调休
                """.getBytes(Charset.forName("GBK"))));
        browser.awaitText(By.id("calendar-import-years"), "2027 年：现有 0 天，导入后 4 天（放假 3 天，调休上班 1 天）");
        browser.awaitText(By.id("calendar-import-warning"), "整体替换");
        browser.awaitContent(By.id("calendar-import-rows"), "新增：调休上班 春节调休");
        assertThat(browser.driver().findElement(By.id("calendar-import-outcome")).getText()).contains("GBK");
        browser.screenshot("calendar-import-preview-1440");
        browser.click(By.id("calendar-import-confirm"));
        browser.awaitGone(By.id("calendar-import-dialog"));
        browser.awaitText(By.id("calendar-grid"), "春节调休");
        assertThat(browser.driver().findElement(By.id("calendar-grid")).getText()).contains("2027-01-01", "元旦");

        browser.open("/");
        browser.await(By.id("home-view"));
        assertThat(browser.all(By.id("landing-calendar-missing"))).isEmpty();
    }

    @Test
    @Order(4)
    void onAPhoneTheImportFitsTheScreenAndReplacesTheYear(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        browser = new Browser(port, 390, 844);
        browser.signIn("admin");
        browser.open("/calendar");
        browser.click(By.id("calendar-import-open"));
        upload(write(dir, "dup.csv", "date,kind,name\n2027-10-01,holiday,国庆节\n2027-10-01,holiday,国庆节\n"
                .getBytes(StandardCharsets.UTF_8)));
        browser.awaitContent(By.id("calendar-import-rows"), "与第 2 行重复");
        assertThat(sideways()).isFalse();
        browser.screenshot("calendar-import-problems-390");
        browser.click(By.id("calendar-import-cancel"));

        browser.click(By.id("calendar-import-open"));
        upload(write(dir, "2027-v2.csv", "\uFEFFdate,kind,name\n2027-01-01,holiday,元旦\n2027-10-01,holiday,国庆节\n"
                .getBytes(StandardCharsets.UTF_8)));
        browser.awaitText(By.id("calendar-import-years"), "2027 年");
        browser.awaitContent(By.id("calendar-import-rows"), "删除");
        assertThat(sideways()).isFalse();
        browser.screenshot("calendar-import-preview-390");
        browser.click(By.id("calendar-import-confirm"));
        browser.awaitGone(By.id("calendar-import-dialog"));
        browser.awaitText(By.id("calendar-grid"), "国庆节");
        assertThat(browser.driver().findElement(By.id("calendar-grid")).getText()).doesNotContain("春节调休");
        assertThat(sideways()).isFalse();
    }

    private boolean sideways() {
        return (Boolean) browser.driver()
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
    }

    private static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private void upload(Path file) {
        browser.await(By.id("calendar-import-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toString());
    }
}
