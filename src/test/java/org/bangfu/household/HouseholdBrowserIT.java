package org.bangfu.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.testsupport.Browser;
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

/** A team member keeps their household's file in a real browser, and cannot reach another team's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HouseholdBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    long householdOfTeam(int team) {
        return jdbc.sql("select h.id from bf_household h join bf_team t on t.id = h.team_id where t.code = ?")
                .param("T%02d".formatted(team)).query(Long.class).single();
    }

    @Test
    void team01EditsAMemberSeesItInTheHistoryAndCannotOpenTeam02sHousehold() {
        browser.signIn("team01");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '困难户档案')]"));
        browser.await(By.id("household-grid"));
        browser.awaitText(By.id("household-grid"), "王建国");
        browser.screenshot("household-list-team01");

        browser.open("/households/" + householdOfTeam(1));
        browser.awaitText(By.id("household-title"), "王建国");
        browser.click(By.xpath("//vaadin-tab[contains(., '家庭成员')]"));
        browser.await(By.id("member-grid"));
        browser.awaitText(By.id("member-grid"), "李秀英");
        assertThat(browser.driver().findElement(By.id("member-grid")).getText()).containsPattern("340203\\*{8}");
        browser.screenshot("household-members-team01");

        long memberId = jdbc.sql("select id from bf_member where name = '李秀英'").query(Long.class).single();
        browser.click(By.id("member-edit-" + memberId));
        WebElement name = browser.await(By.cssSelector("#member-name input"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "李秀兰");
        browser.click(By.id("member-save"));
        browser.awaitText(By.id("member-grid"), "李秀兰");

        browser.click(By.xpath("//vaadin-tab[contains(., '变更记录')]"));
        browser.await(By.id("history-grid"));
        browser.awaitText(By.id("history-grid"), "修改成员");
        assertThat(browser.driver().findElement(By.id("history-grid")).getText())
                .contains("第一帮扶小组成员（演示）", "李秀英", "李秀兰").doesNotContain("team01");
        browser.screenshot("household-history-team01");

        browser.open("/households/" + householdOfTeam(2));
        browser.await(By.id("household-not-found"));
        assertThat(browser.bodyText()).contains("未找到该困难户").doesNotContain("陈桂兰");
    }

    @Test
    void aStreetOfficerOpensANewFileWithFieldErrorsFirst() {
        browser.signIn("street01");
        browser.open("/households/new");
        browser.click(By.id("household-save"));
        browser.awaitText(By.id("household-form"), "请填写户主姓名");
        browser.await(By.cssSelector("#field-headName input")).sendKeys("测试户主");
        browser.click(By.cssSelector("#field-attribute"));
        browser.click(By.xpath("//vaadin-select-item[contains(., '低保户')]"));
        browser.await(By.cssSelector("#field-villageId input")).sendKeys("花津社区", Keys.ENTER);
        browser.await(By.cssSelector("#field-phone input")).sendKeys("12345");
        browser.click(By.id("household-save"));
        browser.awaitText(By.id("household-form"), "联系电话应为 11 位手机号");
        browser.screenshot("household-new-errors");
        WebElement phone = browser.await(By.cssSelector("#field-phone input"));
        phone.sendKeys(Keys.chord(Keys.CONTROL, "a"), "13955301234");
        browser.click(By.id("household-save"));
        browser.awaitText(By.id("household-title"), "测试户主");
    }

    /** The household page's tab strip, measured against the window; and the page's own scroll. */
    /** Scrolls whatever scrolls the household page (the layout's content, the tab's own scroller) to its end. */
    private static final String SCROLL_TO_END = """
            const sheet = document.querySelector('vaadin-tabsheet');
            const scrollers = [sheet.shadowRoot.querySelector('[part=content]')];
            for (let el = sheet; el; el = el.parentNode || el.host) {
              if (el.nodeType === 1) scrollers.push(el);
            }
            scrollers.push(document.scrollingElement);
            scrollers.forEach(el => { if (el.scrollHeight > el.clientHeight) el.scrollTop = el.scrollHeight; });""";

    /** Whether the household page's tab strip is inside the window. */
    private static final String TABS_IN_VIEW = """
            const tabs = document.querySelector('vaadin-tabsheet').shadowRoot.querySelector('[part=tabs-container]')
                .getBoundingClientRect();
            return tabs.top >= 0 && tabs.bottom <= window.innerHeight;""";

    @Test
    void onAPhoneEveryListBecomesCardsTheTabsAndTheTitleStayInViewAndAmountsOpenTheNumberKeypad() {
        browser.close();
        browser = new Browser(port, 390, 844);
        browser.signIn("team01");
        browser.open("/households");
        browser.awaitText(By.id("household-grid"), "王建国");
        browser.await(By.cssSelector("#household-grid[bf-compact]"));
        assertThat(browser.sideways()).isEmpty();
        assertThat(browser.barTitle()).isEqualTo("困难户档案");
        browser.screenshot("household-list-phone");

        browser.open("/households/" + householdOfTeam(1));
        browser.awaitText(By.id("household-title"), "王建国");
        browser.click(By.xpath("//vaadin-tab[contains(., '家庭成员')]"));
        browser.awaitText(By.id("member-grid"), "李秀英");
        assertThat(browser.sideways()).isEmpty();
        browser.screenshot("household-members-phone");
        browser.click(By.xpath("//vaadin-tab[contains(., '帮扶手册')]"));
        browser.present(By.id("handbook-measures"));
        // scrolled down to the end of the handbook: the tabs are still there to switch
        browser.driver().executeScript(SCROLL_TO_END);
        browser.screenshot("household-tabs-phone");
        assertThat(browser.driver().executeScript(TABS_IN_VIEW)).isEqualTo(true);
        browser.click(By.xpath("//vaadin-tab[contains(., '变更记录')]"));
        browser.await(By.cssSelector("#history-grid[bf-compact]"));
        assertThat(browser.sideways()).isEmpty();

        browser.close();
        browser = new Browser(port, 390, 844);
        browser.signIn("district");
        browser.open("/households/" + householdOfTeam(1));
        browser.click(By.xpath("//vaadin-tab[contains(., '帮扶资金')]"));
        browser.await(By.id("arrangement-amount"));
        assertThat(browser.numberFieldsWithoutKeypad()).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#arrangement-amount input")).getAttribute("inputmode"))
                .isEqualTo("decimal");
        assertThat(browser.sideways()).isEmpty();
        browser.open("/funds?tab=ledger");
        browser.await(By.cssSelector("#funds-ledger[bf-compact]"));
        assertThat(browser.sideways()).isEmpty();
        assertThat(browser.barTitle()).isNotBlank();
        browser.screenshot("funds-ledger-phone");
        browser.open("/agency-data");
        browser.await(By.cssSelector("#agency-grid[bf-compact]"));
        assertThat(browser.sideways()).isEmpty();
        browser.screenshot("agency-data-phone");

        browser.close();
        browser = new Browser(port, 390, 844);
        browser.signIn("auditor");
        browser.open("/audit");
        browser.await(By.cssSelector("vaadin-grid[bf-compact]"));
        assertThat(browser.sideways()).isEmpty();
        assertThat(browser.barTitle()).isNotBlank();
        browser.screenshot("audit-log-phone");
    }
}
