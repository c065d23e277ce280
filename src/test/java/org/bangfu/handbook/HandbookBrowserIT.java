package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A home visit on a phone (390 × 844): team01 opens 走访, records a visit to 王建国 with a photo from the camera and the
 * head of household's signature drawn on the screen, and finds it in the household's handbook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class HandbookBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTeamMemberRecordsAHomeVisitWithAPhotoAndASignatureOnAPhoneAndSeesItInTheHandbook() throws Exception {
        long household = jdbc.sql("select id from bf_household where head_name = '王建国'").query(Long.class).single();
        Path photo = Files.createTempFile("走访", ".jpg");
        Files.write(photo, HandbookImages.photo());
        browser = new Browser(port, 390, 844);
        browser.signIn("team01");
        browser.open("/visits");
        browser.awaitText(By.id("visit-card-" + household), "王建国");
        // the headline counts the team's households, whatever the list shows
        browser.awaitText(By.id("visits-summary"), "1 户在帮扶中，0 户逾期未走访");
        browser.screenshot("phone-visits");

        browser.click(By.id("visit-record-" + household));
        browser.await(By.cssSelector("#visit-findings textarea")).sendKeys("入户查看，王建国术后恢复中，家中整洁");
        browser.present(By.cssSelector("#visit-wishes textarea")).sendKeys("希望孩子找到稳定工作");
        browser.present(By.id("visit-photos")).findElement(By.tagName("vaadin-upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toString());
        browser.awaitText(By.id("visit-photos"), photo.getFileName().toString());
        WebElement pad = browser.present(By.id("signature-pad"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(browser.driver()).moveToElement(pad, -100, 10).clickAndHold().moveByOffset(40, -20)
                .moveByOffset(40, 25).moveByOffset(40, -30).moveByOffset(40, 20).release().perform();
        browser.screenshot("phone-visit-form");
        browser.click(By.id("visit-save"));

        browser.awaitText(By.id("visit-card-" + household), "今日已走访");
        assertThat(jdbc.sql("""
                select count(*) from bf_visit where household_id = ? and confirmation = 'SIGNATURE'
                   and photo_ids is not null and findings like '入户查看%'""").param(household).query(Integer.class)
                .single()).isEqualTo(1);

        // 帮扶手册 lands on the handbook tab, and the address keeps it
        browser.click(By.id("visit-open-" + household));
        browser.awaitText(By.id("handbook-visits"), "入户查看，王建国术后恢复中，家中整洁");
        browser.awaitPath("/households/" + household + "?tab=handbook");
        browser.click(By.id("tab-members"));
        browser.awaitPath("/households/" + household + "?tab=members");
        browser.driver().navigate().refresh();
        browser.await(By.cssSelector("vaadin-tab#tab-members[selected]"));
        browser.open("/households/" + household + "?tab=handbook");
        browser.awaitText(By.id("handbook-visits"), "户主签名");
        assertThat(browser.all(By.cssSelector("#handbook-visits img"))).hasSize(2);
        browser.screenshot("phone-handbook");
    }
}
