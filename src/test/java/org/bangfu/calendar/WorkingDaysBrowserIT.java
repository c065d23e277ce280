package org.bangfu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator keeps the holiday calendar in the browser; a make-up day on a weekday is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkingDaysBrowserIT {

    @LocalServerPort
    int port;

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
    void theAdministratorSeesTheYearAndCannotMakeAWeekdayAMakeUpDay() {
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
}
