package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundReleases;
import org.bangfu.funds.FundsFixture;
import org.bangfu.household.Households;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The district moves a household to another team on its page, on a phone (390 × 844): a blank reason stays in the
 * dialog with its message, then the move is saved, listed on the page and in the history by the teams' names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class TeamMoveBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    FundBudgets budgets;

    @Autowired
    FundReleases releases;

    @Autowired
    PairingTasks tasks;

    @Autowired
    FundPayments payments;

    @Autowired
    ManagementService management;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDistrictMovesAHouseholdToAnotherTeamOnAPhone() {
        RunAs as = new RunAs(users);
        FundsFixture fx = new FundsFixture(as, jdbc, households, budgets, releases, tasks, payments, management);
        long household = fx.pairedHousehold(5_000);
        as.run("district", () -> households.paired(household));
        String from = jdbc.sql("select t.name from bf_team t join bf_household h on h.team_id = t.id where h.id = ?")
                .param(household).query(String.class).single();
        String to = jdbc.sql("select t.name from bf_team t join bf_user_account a on a.team_id = t.id"
                + " where a.username = 'team02'").query(String.class).single();

        browser = new Browser(port, 390, 844);
        browser.signIn("district");
        browser.open("/households/" + household);
        browser.click(By.id("household-team-move"));
        browser.await(By.cssSelector("#team-move-team input")).sendKeys(to);
        browser.click(By.xpath("//vaadin-combo-box-item[contains(., '" + to + "')]"));
        browser.click(By.id("team-move-save"));
        browser.awaitContent(By.id("team-move-reason"), "请填写调整原因");
        assertThat(jdbc.sql("select count(*) from bf_team_move where household_id = ?").param(household)
                .query(Integer.class).single()).isZero();
        assertThat(pageWidth()).isLessThanOrEqualTo(390L);
        browser.screenshot("team-move-dialog-phone");

        browser.await(By.cssSelector("#team-move-reason textarea")).sendKeys("原小组人员调整", Keys.TAB);
        browser.click(By.id("team-move-save"));
        browser.awaitText(By.id("household-team-move-history"), "帮扶小组调整记录");
        browser.click(By.id("household-team-move-history"));
        browser.awaitText(By.id("household-team-move-history"), "原小组人员调整");
        assertThat(browser.driver().findElement(By.id("household-team-move-history")).getText()).contains(from, to);
        browser.click(By.xpath("//vaadin-tab[contains(., '变更记录')]"));
        browser.awaitText(By.id("history-grid"), "调整帮扶小组");
        assertThat(browser.driver().findElement(By.id("history-grid")).getText()).contains(from, to, "原小组人员调整");
        assertThat(pageWidth()).isLessThanOrEqualTo(390L);
        browser.screenshot("team-move-history-phone");
    }

    private Long pageWidth() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
    }
}
