package org.bangfu.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 系统设置 in the browser: the administrator changes the objection phone with a reason (a bad value and a missing
 * reason told in Chinese first), reads its history, and loses a race to another administrator without overwriting
 * them; on a phone the page and the dialog fit and a district officer only reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class SettingsBrowserIT {

    /** A dialog's content is drawn in its overlay. */
    private static final By OVERLAY = By.tagName("vaadin-dialog-overlay");

    @LocalServerPort
    int port;

    @Autowired
    Settings settings;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private By card(String key) {
        return By.id("setting-" + key.replaceAll("[^A-Za-z0-9-]", "-"));
    }

    private void type(By field, String text) {
        WebElement input = browser.await(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    private void openEdit(String key) {
        browser.click(By.cssSelector("#" + browser.await(card(key)).getAttribute("id") + " .bf-setting-edit"));
        browser.await(By.id("settings-value"));
    }

    @Test
    void theAdministratorChangesTheObjectionPhoneWithAReasonAndReadsItsHistory() {
        browser = new Browser(port, 1440, 900);
        browser.signIn("admin");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '系统设置')]"));
        browser.awaitText(By.id("settings-view"), "公示与异议");
        assertThat(browser.bodyText()).contains("办理时限", "评议规则", "资金", "打印与二维码", "异议受理电话",
                "0553-4820000", "未修改，使用默认值");
        browser.screenshot("settings-1440");

        openEdit("pairing.objection-phone");
        type(By.cssSelector("#settings-value input"), "打电话");
        browser.click(By.id("settings-save"));
        browser.awaitText(OVERLAY, "电话号码只能包含数字和连字符");
        assertThat(browser.driver().findElement(OVERLAY).getText()).contains("请填写修改原因");
        assertThat(settings.text("pairing.objection-phone")).isEqualTo("0553-4820000");

        type(By.cssSelector("#settings-value input"), "0553-5551234");
        type(By.cssSelector("#settings-reason textarea"), "科室电话变更");
        browser.click(By.id("settings-save"));
        browser.awaitGone(OVERLAY);
        browser.awaitText(card("pairing.objection-phone"), "0553-5551234");
        assertThat(browser.await(card("pairing.objection-phone")).getText()).contains("系统管理员（演示） 于",
                "默认值：0553-4820000");
        assertThat(settings.text("pairing.objection-phone")).isEqualTo("0553-5551234");

        browser.click(By.cssSelector("#" + browser.await(card("pairing.objection-phone")).getAttribute("id")
                + " .bf-setting-history"));
        browser.awaitText(OVERLAY, "0553-4820000 → 0553-5551234");
        assertThat(browser.driver().findElement(OVERLAY).getText()).contains("科室电话变更",
                "系统管理员（演示）");
        browser.screenshot("settings-history-1440");
    }

    @Test
    void aChangeAnotherAdministratorSavedMeanwhileIsNotOverwritten() {
        browser = new Browser(port, 1440, 900);
        browser.signIn("admin");
        browser.open("/settings");
        String key = "pairing.notice-days.STREET";
        openEdit(key);
        new RunAs(users).run("admin2", () -> settings.change(key, "6", "街道要求六个工作日", 0));

        type(By.cssSelector("#settings-value input"), "9");
        type(By.cssSelector("#settings-reason textarea"), "延长公示");
        browser.click(By.id("settings-save"));
        browser.awaitText(By.tagName("vaadin-notification-card"), "已被其他管理员修改");
        browser.awaitText(card(key), "系统管理员二（演示）");
        assertThat(settings.integer(key)).isEqualTo(6);
    }

    @Test
    void onAPhoneThePageAndTheDialogFitAndADistrictOfficerOnlyReads() {
        browser = new Browser(port, 390, 844);
        browser.signIn("district");
        browser.open("/settings");
        browser.awaitText(By.id("settings-view"), "打印与二维码");
        assertThat(browser.all(By.cssSelector(".bf-setting-edit"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".bf-setting-history"))).isNotEmpty();
        assertThat(scrollWidth()).isLessThanOrEqualTo(390L);
        browser.screenshot("settings-390-district");
        browser.close();

        browser = new Browser(port, 390, 844);
        browser.signIn("admin");
        browser.open("/settings");
        openEdit("public-url");
        browser.screenshot("settings-390-dialog");
        assertThat(scrollWidth()).isLessThanOrEqualTo(390L);
        assertThat(browser.await(By.id("settings-save")).getRect().getX()
                + browser.await(By.id("settings-save")).getRect().getWidth()).isLessThanOrEqualTo(390);
    }

    private Long scrollWidth() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }
}
