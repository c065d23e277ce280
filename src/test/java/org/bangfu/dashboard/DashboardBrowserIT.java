package org.bangfu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in the browser on the demo data, made 20 days before "now" so that some of its steps are overdue:
 * the leadership's landing page and dashboard show 11 households, 780,000 yuan arranged and 280,000 released; a
 * street's overdue count opens the task list of exactly those tasks; the process map shows its steps' counts; a
 * phone shows it all in one column without sideways scrolling; a street officer and a team see their own part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@Import(DashboardBrowserIT.DemoMadeEarlier.class)
class DashboardBrowserIT {

    private static final Duration EARLIER = Duration.ofDays(20);

    /** The demo data is made with the clock 20 days back; the test then brings the clock to now. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DemoMadeEarlier {

        @Bean
        @Primary
        MutableClock earlierClock() {
            MutableClock clock = new MutableClock();
            clock.advance(EARLIER.negated());
            return clock;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theLeadershipSeesTheDistrictAndOpensAStreetsOverdueTasks() {
        bringClockToNow();
        LocalDate today = LocalDate.now(clock);
        LocalDate madeOn = today.minusDays(EARLIER.toDays());
        // the demo's money is of the year it was made in: in early January look at that year
        String period = madeOn.getYear() == today.getYear() ? ""
                : "?from=" + madeOn.withDayOfYear(1) + "&to=" + madeOn.withDayOfMonth(31);

        browser = new Browser(port, 1280, 900);
        browser.signIn("leader");
        browser.await(By.id("landing-dashboard"));
        browser.awaitText(By.id("dash-kpi-households"), "11");
        if (period.isEmpty()) {
            browser.awaitText(By.id("dash-kpi-arranged"), "780,000.00");
            browser.awaitText(By.id("dash-kpi-paid"), "280,000.00");
        }
        assertThat(browser.all(By.cssSelector(".bf-card"))).isEmpty();
        browser.screenshot("dashboard-landing-leader");

        browser.open("/dashboard" + period);
        browser.await(By.id("dash-board"));
        browser.awaitText(By.id("dash-kpi-households"), "11");
        browser.awaitText(By.id("dash-kpi-arranged"), "780,000.00");
        browser.awaitText(By.id("dash-kpi-paid"), "280,000.00");
        browser.awaitText(By.id("dash-money-against"), "280,000.00");
        browser.present(By.cssSelector("#dash-card-funnel bangfu-chart[drawn]"));
        browser.present(By.cssSelector("#dash-card-money bangfu-chart[drawn]"));
        assertThat(browser.all(By.cssSelector("#dash-table-streets tbody tr"))).hasSize(6 + 1);
        assertThat(browser.all(By.cssSelector("#dash-table-teams tbody tr")).size()).isBetween(11, 13);
        browser.screenshot("dashboard-leader-desktop");

        // the street with the most overdue steps, as the dashboard counts them and as the task mirror holds them
        List<WebElement> streets = browser.all(By.cssSelector("a[id^='dash-overdue-street-']"));
        assertThat(streets).as("the demo made 20 days ago has overdue steps").isNotEmpty();
        WebElement busiest = streets.stream().max((a, b) -> Integer.compare(count(a), count(b))).orElseThrow();
        long street = Long.parseLong(busiest.getAttribute("id").substring("dash-overdue-street-".length()));
        int shown = count(busiest);
        int inMirror = jdbc.sql("""
                select count(*) from bf_task t join bf_household h on h.id = t.household_id
                 where h.street_id = ? and t.due_on < ?""").params(street, today).query(Integer.class).single();
        assertThat(shown).isEqualTo(inMirror).isPositive();
        browser.click(By.id(busiest.getAttribute("id")));
        browser.awaitPath("/tasks");
        assertThat(browser.currentPath()).contains("street=" + street).contains("dueTo=" + today.minusDays(1));
        browser.awaitText(By.id("tasks-view-ALL"), "（" + shown + "）");
        assertThat(browser.await(By.cssSelector("#tasks-due-to input")).getAttribute("value"))
                .isEqualTo(today.minusDays(1).toString());
        browser.screenshot("dashboard-drill-down-tasks");

        browser.open("/dashboard/map");
        browser.await(By.id("map-diagram"));
        browser.present(By.cssSelector(".bf-step-figures[data-step]"));
        long onMap = jdbc.sql("""
                select count(*) from bf_task where process_key = 'AssistancePairingProcess'""").query(Long.class).single();
        browser.awaitText(By.id("map-summary"), String.valueOf(onMap));
        // the labels of steps drawn outside the view too (the map opens on its busiest step)
        Object badges = ((JavascriptExecutor) browser.driver()).executeScript("""
                return Array.from(document.querySelectorAll('.bf-step-figures[data-step] .bf-step-badge'))
                  .map(b => b.textContent)""");
        int waiting = ((List<?>) badges).stream().mapToInt(b -> Integer.parseInt(b.toString().replaceAll("\\D", "")))
                .sum();
        assertThat((long) waiting).isEqualTo(onMap);
        browser.screenshot("process-map-desktop");
        browser.close();

        browser = new Browser(port, 390, 844);
        browser.signIn("leader");
        browser.open("/dashboard" + period);
        browser.awaitText(By.id("dash-kpi-paid"), "280,000.00");
        browser.present(By.cssSelector("#dash-card-trends bangfu-chart[drawn]"));
        assertNoSidewaysScrolling();
        WebElement funnel = browser.present(By.id("dash-card-funnel"));
        WebElement money = browser.present(By.id("dash-card-money"));
        assertThat(money.getLocation().getY()).as("cards stack").isGreaterThan(funnel.getLocation().getY());
        assertThat(money.getLocation().getX()).isEqualTo(funnel.getLocation().getX());
        browser.screenshot("dashboard-leader-phone");
        browser.open("/dashboard/map");
        browser.present(By.cssSelector(".bf-step-figures[data-step]"));
        assertNoSidewaysScrolling();
        browser.screenshot("process-map-phone");
    }

    @Test
    void aStreetAndATeamSeeTheirOwnPart() {
        bringClockToNow();
        long street = jdbc.sql("select street_id from bf_user_account where username = 'street01'").query(Long.class)
                .single();
        int streetHouseholds = jdbc.sql("select count(*) from bf_household where street_id = ?").param(street)
                .query(Integer.class).single();
        browser = new Browser(port, 1280, 900);
        browser.signIn("street01");
        browser.awaitText(By.id("dash-kpi-households"), String.valueOf(streetHouseholds));
        browser.open("/dashboard");
        browser.awaitText(By.id("dash-kpi-households"), String.valueOf(streetHouseholds));
        assertThat(browser.all(By.id("dash-street")).stream().filter(WebElement::isDisplayed)).isEmpty();
        assertThat(browser.all(By.cssSelector("#dash-table-streets tbody tr"))).hasSizeLessThanOrEqualTo(2);

        long team = jdbc.sql("select team_id from bf_user_account where username = 'team01'").query(Long.class).single();
        int teamHouseholds = jdbc.sql("select count(*) from bf_household where team_id = ?").param(team)
                .query(Integer.class).single();
        browser.signIn("team01");
        browser.await(By.id("landing-today"));
        browser.await(By.id("landing-tasks-due"));
        browser.await(By.id("landing-visits-due"));
        browser.await(By.id("landing-money-waiting"));
        browser.awaitText(By.id("dash-kpi-households"), String.valueOf(teamHouseholds));
        browser.screenshot("dashboard-landing-team");
    }

    private void bringClockToNow() {
        if (clock.instant().isBefore(Instant.now().minus(Duration.ofDays(1)))) {
            clock.advance(EARLIER);
        }
    }

    private static int count(WebElement link) {
        return Integer.parseInt(link.getText().replaceAll("\\D", ""));
    }

    private void assertNoSidewaysScrolling() {
        // the page, and every card, figure and chart on it, within the phone's width
        Object widest = ((JavascriptExecutor) browser.driver()).executeScript("""
                return Math.max(document.documentElement.scrollWidth, ...Array.from(document.querySelectorAll(
                  '.bf-dash-card, .bf-dash-kpi, bangfu-chart, bangfu-process-diagram, .bf-dash-figures'))
                  .map(e => Math.ceil(e.getBoundingClientRect().right)))""");
        assertThat(((Number) widest).intValue()).as("the rightmost edge").isLessThanOrEqualTo(390);
    }
}
