package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.testsupport.Browser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * A release in the browser, on a demo household paired with its team: the team asks from the household's funds
 * tab (too much is refused on the field), its leader and the district approve on the task pages, the district
 * makes the bank batch and uploads the bank's confirmation, and the money shows as paid on the tab and in the
 * ledger. The payment job runs when the test says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class FundsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    Browser browser;

    @BeforeEach
    void setUp() {
        browser = new Browser(port, 1280, 900);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    private void choose(String selectId, String label) {
        browser.click(By.id(selectId));
        browser.click(By.xpath("//vaadin-select-item[@role='option'][contains(normalize-space(.), '" + label + "')]"));
    }

    private void type(String field, String text) {
        WebElement input = browser.await(By.cssSelector("#form-" + field + " input, #form-" + field + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private String openTask(long household, String key) {
        return jdbc.sql("""
                select t.task_id from bf_task t where t.household_id = ? and t.task_key = ?
                 order by t.created_at desc fetch first 1 rows only""").params(household, key).query(String.class)
                .single();
    }

    @Test
    void aReleaseFromTheFundsTabToTheBankAndBack() throws Exception {
        long household = jdbc.sql("select id from bf_household where head_name = '刘德明'").query(Long.class).single();
        String member = jdbc.sql("""
                select min(u.username) from bf_user_account u join bf_household h on h.team_id = u.team_id
                 where h.id = ? and u.role = 'TEAM_MEMBER'""").param(household).query(String.class).single();
        String leader = member.replace("team", "lead");

        browser.signIn(member);
        browser.open("/households/" + household);
        browser.click(By.xpath("//vaadin-tab[contains(., '帮扶资金')]"));
        browser.awaitText(By.id("funds-balance-paid"), "100,000.00");
        browser.awaitText(By.id("funds-balance-remaining"), "15,000.00");
        browser.screenshot("funds-tab");
        browser.click(By.id("funds-start"));
        browser.awaitText(By.id("task-title"), "申请帮扶资金 · 刘德明");
        browser.awaitText(By.id("task-fund-request"), "尚可申请 15,000.00 元");
        choose("form-decision", "提交申请");
        choose("form-programme", "综合帮扶");
        type("amount", "20000");
        browser.await(By.cssSelector("#form-measure input")).sendKeys("健康");
        browser.click(By.xpath("//vaadin-combo-box-item[contains(., '健康')]"));
        type("purpose", "慢性病长期用药");
        browser.click(By.id("form-submit"));
        browser.awaitContent(By.id("form-amount"), "超出可用资金");
        assertThat(jdbc.sql("select count(*) from bf_fund_request where household_id = ? and amount_fen = 2000000")
                .param(household).query(Integer.class).single()).isZero();
        type("amount", "12,000");
        browser.screenshot("funds-request");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");

        browser.signIn(leader);
        browser.open("/tasks/" + openTask(household, FundVariables.LEADER_APPROVAL));
        browser.awaitText(By.id("task-fund-levels"), "组长审批（待审批） → 区民政局审批（待审批）");
        choose("form-decision", "同意");
        browser.click(By.id("form-submit"));
        browser.awaitPath("/tasks");

        // leadership reads the queue: 查看, no 办理 that leads to "not yours"
        browser.signIn("leader");
        browser.open("/funds");
        browser.awaitText(By.id("funds-approvals"), "12,000.00");
        assertThat(browser.await(By.id("funds-approvals")).getText()).contains("查看").doesNotContain("办理");

        browser.signIn("district");
        browser.open("/funds");
        browser.awaitText(By.id("funds-approvals"), "刘德明");
        browser.awaitText(By.id("funds-approvals"), "12,000.00");
        browser.screenshot("funds-approvals");
        browser.click(By.xpath("//vaadin-grid-cell-content[contains(., '12,000.00')]/following::vaadin-button[1]"));
        browser.awaitText(By.id("task-title"), "区民政局审批 · 刘德明");
        String leaderName = jdbc.sql("select display_name from bf_user_account where username = ?").param(leader)
                .query(String.class).single();
        browser.awaitText(By.id("task-fund-levels"), "组长审批（" + leaderName + " 同意）");
        choose("form-decision", "同意");
        browser.click(By.id("form-submit"));
        // back where the approver came from
        browser.awaitPath("/funds");
        browser.await(By.id("funds-view"));

        String release = jdbc.sql("""
                select process_instance_id from bf_fund_request where household_id = ? and amount_fen = 1200000""")
                .param(household).query(String.class).single();
        Job job = management.createJobQuery().processInstanceId(release).singleResult();
        management.executeJob(job.getId());

        browser.open("/funds");
        browser.click(By.xpath("//vaadin-tab[contains(., '支付与对账')]"));
        browser.awaitText(By.id("funds-queued"), "待生成批次 2 笔，共 17,000.00 元");
        long before = jdbc.sql("select max(id) from bf_payment_batch").query(Long.class).single();
        browser.click(By.id("funds-create-batch"));
        // asked first, with how many and how much; nothing is made until confirmed
        browser.awaitText(By.tagName("vaadin-confirm-dialog-overlay"), "将 2 笔待支付款项，共 17,000.00 元");
        assertThat(jdbc.sql("select max(id) from bf_payment_batch").query(Long.class).single()).isEqualTo(before);
        browser.screenshot("funds-batch-confirm");
        browser.click(By.xpath("//vaadin-button[@slot='confirm-button'][contains(., '生成批次')]"));
        browser.await(By.id("funds-download-csv-" + (before + 1)));
        long batch = before + 1;
        assertThat(jdbc.sql("select count(*) from bf_payment where batch_id = ?").param(batch).query(Integer.class)
                .single()).isEqualTo(2);
        browser.screenshot("funds-payments");
        String reference = jdbc.sql("""
                select p.reference from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where r.process_instance_id = ?""").param(release).query(String.class).single();
        String other = jdbc.sql("select reference from bf_payment where batch_id = ? and reference <> ?")
                .params(batch, reference).query(String.class).single();
        browser.click(By.id("funds-reconcile-" + batch));
        Path bad = Files.createTempFile("回单", ".csv");
        Files.writeString(bad, "reference,result,reason\n" + reference + ",PAID,\n" + other + ",FAILED,\n",
                StandardCharsets.UTF_8);
        browser.await(By.id("funds-reconcile-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(bad.toString());
        browser.awaitText(By.id("funds-reconcile-outcome"), "支付失败，须写明原因");
        // refused: an error, and the file leaves the list (no green tick); the corrected one can follow
        assertThat(browser.await(By.id("funds-reconcile-outcome")).getAttribute("class")).contains("bf-refused");
        assertThat(((Number) browser.driver().executeScript("return arguments[0].files.length",
                browser.await(By.id("funds-reconcile-upload")))).intValue()).isZero();
        browser.screenshot("funds-reconcile-refused");
        assertThat(jdbc.sql("select count(*) from bf_payment where batch_id = ? and status = 'EXPORTED'").param(batch)
                .query(Integer.class).single()).isEqualTo(2);
        browser.click(By.xpath("//vaadin-button[contains(., '关闭')]"));
        browser.click(By.id("funds-reconcile-" + batch));
        Path good = Files.createTempFile("回单", ".csv");
        Files.writeString(good, "reference,result,reason\n" + reference + ",成功,\n" + other + ",失败,账户已销户\n",
                StandardCharsets.UTF_8);
        browser.await(By.id("funds-reconcile-upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(good.toString());
        // the demo's batches already read 已对账: wait for this batch's upload button to go with the redraw
        browser.awaitGone(By.id("funds-reconcile-" + batch));
        browser.awaitContent(By.xpath("//vaadin-notification-card[contains(., '对账完成')]"),
                "对账完成：支付成功 1 笔（12,000.00 元），失败 1 笔");
        assertThat(jdbc.sql("select status from bf_payment where reference = ?").param(reference).query(String.class)
                .single()).isEqualTo("PAID");

        browser.click(By.xpath("//vaadin-tab[contains(., '资金台账')]"));
        browser.awaitText(By.id("funds-ledger"), "刘德明");
        assertThat(browser.await(By.id("ledger-export")).getText()).isEqualTo("导出 Excel");
        browser.screenshot("funds-ledger");

        browser.signIn(member);
        browser.open("/households/" + household);
        browser.click(By.xpath("//vaadin-tab[contains(., '帮扶资金')]"));
        browser.awaitText(By.id("funds-balance-paid"), "112,000.00");
        browser.awaitText(By.id("funds-payments"), "账户已销户");
    }
}
