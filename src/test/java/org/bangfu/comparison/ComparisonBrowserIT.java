package org.bangfu.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.testsupport.Browser;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The comparison in a real browser, on the demo data (the household at the comparison step has two warnings):
 * a street officer resolves them, another street cannot open them, the district runs a batch and imports an
 * agency file, and the report works on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComparisonBrowserIT {

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

    /** The single comparison of the demo household at the comparison step, and its street's code. */
    record Demo(long reportId, String streetCode, long firstWarning, long secondWarning) {
    }

    Demo demo() {
        long report = jdbc.sql("""
                select r.id from bf_comparison_report r join bf_household h on h.id = r.household_id
                 where h.stage = 'COMPARISON' and r.batch_id is null""").query(Long.class).single();
        String street = jdbc.sql("""
                select s.code from bf_comparison_report r join bf_household h on h.id = r.household_id
                  join bf_street s on s.id = h.street_id where r.id = ?""").param(report).query(String.class).single();
        var warnings = jdbc.sql("select id from bf_comparison_warning where report_id = ? order by id").param(report)
                .query(Long.class).list();
        return new Demo(report, street, warnings.get(0), warnings.get(1));
    }

    @Test
    @Order(1)
    void aStreetOfficerResolvesEveryWarningOfAHouseholdAndAnotherStreetCannotOpenIt() {
        Demo demo = demo();
        String officer = "street" + demo.streetCode().substring(1);
        browser.signIn(officer);
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '比对预警')]"));
        browser.awaitText(By.id("workbench-grid"), "郑大海");
        browser.screenshot("comparison-workbench");

        browser.open("/comparison/report/" + demo.reportId());
        browser.awaitText(By.id("report-state"), "待处理 2 条");
        WebElement first = browser.await(By.id("warning-" + demo.firstWarning()));
        assertThat(first.getText()).contains("档案申报", "部门数据", "未申报", "非生产经营性（非营运）", "皖B2L7Q9");
        assertThat(first.getText()).containsPattern("340203\\*{8}");
        browser.screenshot("comparison-report-open");

        // without a finding, reason and note nothing is saved, and each field says what is missing
        browser.click(By.id("resolve-" + demo.firstWarning()));
        browser.awaitText(By.id("warning-" + demo.firstWarning()), "请填写核实说明");
        assertThat(browser.driver().findElement(By.id("warning-" + demo.firstWarning())).getText())
                .contains("请选择处理原因");

        resolve(demo.firstWarning(), "属实", "核实属实", "入户核实，车辆登记在户主名下，家庭自用");
        browser.awaitContent(By.id("report-state"), "待处理 1 条");
        resolve(demo.secondWarning(), "排除", "身份信息误匹配", "经核对为同名人员，与本户无关");
        browser.awaitContent(By.id("report-state"), "已全部处理");
        String officerName = jdbc.sql("select display_name from bf_user_account where username = ?").param(officer)
                .query(String.class).single();
        assertThat(browser.bodyText()).contains(officerName, "入户核实，车辆登记在户主名下，家庭自用")
                .doesNotContain(officer);
        browser.screenshot("comparison-report-resolved");
        // nothing changed since: comparing again finds this report
        browser.click(By.id("compare-again"));
        browser.awaitContent(By.tagName("vaadin-notification-card"), "比对结果同上");

        // from the household's file to its newest comparison (the demo data's batch re-check, after this one)
        long household = jdbc.sql("select household_id from bf_comparison_report where id = ?").param(demo.reportId())
                .query(Long.class).single();
        long newest = jdbc.sql("select max(id) from bf_comparison_report where household_id = ?").param(household)
                .query(Long.class).single();
        browser.open("/households/" + household);
        browser.click(By.id("household-comparison"));
        browser.awaitContent(By.id("comparison-report"), "批量核对第");
        assertThat(browser.driver().findElement(By.id("report-household")).getText()).isEqualTo("BF%06d".formatted(household));
        assertThat(newest).isNotEqualTo(demo.reportId());

        browser.open("/login?logout");
        browser.driver().manage().deleteAllCookies();
        String otherStreet = "S01".equals(demo.streetCode()) ? "street02" : "street01";
        browser.signIn(otherStreet);
        browser.open("/comparison/report/" + demo.reportId());
        browser.awaitText(By.id("comparison-report"), "不在您的权限范围内");
        assertThat(browser.bodyText()).doesNotContain("郑大海");
    }

    private void resolve(long warning, String decision, String reason, String note) {
        browser.click(By.id("decision-" + warning));
        browser.click(By.xpath("//vaadin-select-item[contains(., '" + decision + "')]"));
        if ("属实".equals(decision)) {
            browser.click(By.id("consequence-" + warning));
            browser.click(By.xpath("//vaadin-select-item[contains(., '调整家庭信息后继续')]"));
        }
        browser.await(By.cssSelector("#reason-" + warning + " input")).sendKeys(reason);
        browser.await(By.cssSelector("#reason-" + warning + " input")).sendKeys(Keys.ENTER);
        browser.await(By.cssSelector("#note-" + warning + " textarea")).sendKeys(note);
        browser.click(By.id("resolve-" + warning));
    }

    /** Last: its new data set makes later comparisons of the demo households new reports. */
    @Test
    @Order(3)
    void theDistrictImportsAnAgencyFileAndRunsABatchReCheck() throws Exception {
        browser.signIn("district");
        browser.open("/agency-data");
        browser.click(By.id("agency-import-open"));
        browser.click(By.id("agency-kind"));
        browser.click(By.xpath("//vaadin-select-item[contains(., '拆迁补偿')]"));
        String member = jdbc.sql("""
                select m.id_number from bf_member m join bf_household h on h.id = m.household_id
                 where h.demo = true order by m.id fetch first 1 rows only""").query(String.class).single();
        Path file = Files.createTempFile("拆迁补偿", ".csv");
        Files.write(file, ("证件号码,姓名,补偿金额,补偿日期\n" + member + ",某,150000,2026-03-01\n,某,1,2026-03-01\n")
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        WebElement upload = browser.await(By.id("agency-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
        browser.awaitText(By.id("agency-outcome"), "有 1 行无法读取");
        assertThat(browser.driver().findElement(By.id("agency-problems")).getText()).contains("缺少身份证号");
        browser.screenshot("agency-import-report");
        browser.click(By.id("agency-import-readable"));
        browser.awaitText(By.id("agency-grid"), "拆迁补偿（征收办）");

        browser.open("/comparison/batches");
        browser.click(By.id("batch-start"));
        browser.awaitText(By.id("batch-status"), "已完成");
        browser.awaitText(By.id("batch-by-rule"), "近24个月内领取拆迁补偿");
        assertThat(browser.driver().findElement(By.id("batch-households")).getText()).isEqualTo(
                String.valueOf(jdbc.sql("select count(*) from bf_household where stage not in ('NOT_ELIGIBLE', 'EXITED')")
                        .query(Integer.class).single()));
        browser.screenshot("comparison-batch-summary");
        browser.click(By.xpath("//*[@id='batch-by-rule']//vaadin-grid-cell-content[contains(., '拆迁补偿')]"));
        browser.awaitPath("/comparison");
        browser.await(By.id("workbench-batch"));
        Files.deleteIfExists(file);
    }

    @Test
    @Order(2)
    void onAPhoneAReportReadsWithoutSideways() {
        browser.close();
        browser = new Browser(port, 390, 844);
        browser.signIn("district");
        browser.open("/comparison/report/" + demo().reportId());
        browser.awaitText(By.id("comparison-report"), "档案申报");
        browser.screenshot("comparison-report-phone");
        assertThat((Long) browser.driver().executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390L);
    }
}
