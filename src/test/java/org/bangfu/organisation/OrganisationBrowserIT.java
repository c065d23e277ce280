package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrator builds a street, a village and a team on a desktop (1440 × 900); a district officer reads them on
 * a phone (390 × 844), with nothing to change and nothing scrolling sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationBrowserIT {

    @LocalServerPort
    int port;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void type(String id, String text) {
        browser.await(By.cssSelector("#" + id + " input")).sendKeys(text);
    }

    private void choose(String comboBoxId, String itemText) {
        browser.click(By.id(comboBoxId));
        browser.click(By.xpath("//vaadin-combo-box-item[contains(., '" + itemText + "')]"));
    }

    @Test
    void theAdministratorBuildsAStreetAVillageAndATeamThatADistrictOfficerReadsOnAPhone() {
        browser = new Browser(port, 1440, 900);
        browser.signIn("admin");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '街道与帮扶小组')]"));
        browser.awaitText(By.id("streets"), "中山南路街道");

        // a code that is taken: the dialog says so on the field and saves nothing
        browser.click(By.id("org-add-street"));
        type("org-code", "S01");
        type("org-name", "浏览器街道");
        browser.click(By.id("org-save"));
        browser.awaitContent(By.id("org-code"), "编号“S01”已被使用");
        browser.await(By.cssSelector("#org-code input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "S91");
        browser.click(By.id("org-save"));
        browser.awaitText(By.id("street-S91"), "浏览器街道");

        browser.click(By.id("org-add-village"));
        choose("org-street", "浏览器街道");
        type("org-code", "S91-V1");
        type("org-name", "浏览器社区");
        browser.click(By.id("org-save"));
        browser.awaitText(By.id("village-S91-V1"), "浏览器社区");

        browser.click(By.id("org-add-team"));
        type("org-code", "T91");
        type("org-name", "浏览器帮扶小组");
        choose("org-home-street", "浏览器街道");
        browser.click(By.id("org-save"));
        browser.awaitText(By.id("team-T91"), "浏览器街道");
        browser.screenshot("organisation-admin-desktop");

        // the team still serves only the new street: the street cannot be deactivated yet
        browser.click(By.cssSelector("#street-S91 > .bf-org-head .org-deactivate"));
        browser.click(By.xpath("//*[@slot='confirm-button']"));
        browser.awaitText(By.tagName("body"), "请先停用它们");
        assertThat(browser.await(By.id("street-S91")).getText()).doesNotContain("已停用");
        browser.close();

        browser = new Browser(port, 390, 844);
        browser.signIn("district");
        browser.open("/organisation");
        browser.awaitText(By.id("street-S91"), "浏览器社区");
        browser.awaitContent(By.id("team-T91"), "浏览器帮扶小组");
        assertThat(browser.await(By.id("org-read-only")).getText()).contains("只有系统管理员");
        assertThat(browser.all(By.id("org-add-street"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".org-edit, .org-deactivate, .org-reactivate"))).isEmpty();
        assertThat((Long) browser.driver().executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390L);
        browser.screenshot("organisation-district-phone");
    }
}
