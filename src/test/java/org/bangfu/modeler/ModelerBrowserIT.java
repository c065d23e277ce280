package org.bangfu.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.pairing.Pairing;
import org.bangfu.testsupport.Browser;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The administrator changes the bureau's way of working in the browser: renames a step of the pairing process and
 * lowers the caseload limit in the team assignment table, sees a script task refused on the diagram with the reason,
 * proposes both; admin2 approves them; new cases follow the new version, and a running case is moved to it with its
 * history intact. Then the library on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelerBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Pairing pairing;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void openModel(String name) {
        browser.open("/processes");
        // its name's cell on a desktop, its card (headed by the name) on a phone
        browser.click(By.xpath("//vaadin-grid[@id='model-list']//vaadin-grid-cell-content[normalize-space(.)='" + name
                + "' or .//*[contains(@class, 'bf-summary-head') and normalize-space(.)='" + name + "']]"));
        browser.await(By.id("model-detail"));
    }

    private void editLive() {
        browser.click(By.cssSelector("#version-list vaadin-button[id^='edit-']"));
        browser.await(By.id("model-editor"));
    }

    private Object js(String script, Object... args) {
        return browser.driver().executeScript(script, args);
    }

    private void waitUntil(String script) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(script)));
    }

    private void propose(String reason) {
        WebElement field = browser.await(By.cssSelector("#change-reason textarea"));
        field.sendKeys(reason);
        browser.click(By.id("draft-propose"));
        browser.awaitText(By.id("draft-actions"), "等待另一位系统管理员批准");
    }

    @Test
    void theAdministratorChangesAStepAndTheCaseloadLimitAndTheSecondAdministratorApproves() {
        ProcessDefinition before = latest();
        browser = new Browser(port, 1400, 1000);
        browser.signIn("admin");
        browser.click(By.xpath("//vaadin-side-nav-item[contains(., '流程管理')]"));
        browser.awaitText(By.id("model-list"), "帮扶结对流程");
        browser.screenshot("modeler-library");

        // rename a step in the properties panel, as a person types it
        openModel("帮扶结对流程");
        editLive();
        waitUntil("return !!document.querySelector('bangfu-bpmn-editor .djs-element[data-element-id=\"Task_FirstReview\"]')");
        browser.click(By.cssSelector("bangfu-bpmn-editor .djs-element[data-element-id='Task_FirstReview'] .djs-hit"));
        browser.click(By.cssSelector("bangfu-bpmn-editor .bio-properties-panel-group[data-group-id='group-general'] .bio-properties-panel-group-header"));
        WebElement name = browser.await(By.id("bio-properties-panel-name"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "村民小组民主评议");
        assertThat(browser.bodyText()).contains("用户任务");

        // a script task drawn into the process is refused, on the diagram, with the reason
        js("""
                const m = document.querySelector('bangfu-bpmn-editor')._modeler;
                const shape = m.get('elementFactory').createShape({ type: 'bpmn:ScriptTask' });
                window.__script = m.get('modeling').createShape(shape, { x: 400, y: 700 }, m.get('canvas').getRootElement());""");
        waitUntil("const i = document.getElementById('lint-issues'); return !!i && i.textContent.includes('不允许使用脚本任务')");
        assertThat(browser.present(By.id("lint-summary")).getText()).contains("6 个错误");
        browser.click(By.id("draft-check"));
        browser.awaitText(By.id("check-findings"), "不允许脚本任务");
        assertThat(browser.present(By.id("check-findings")).getText()).contains("部署安全检查", "建模规范");
        waitUntil("return !!document.querySelector('bangfu-bpmn-editor .djs-element.bf-problem')");
        browser.screenshot("modeler-script-refused");
        js("document.querySelector('bangfu-bpmn-editor')._modeler.get('modeling').removeElements([window.__script]);");

        browser.click(By.id("draft-compare"));
        browser.awaitText(By.id("difference-list"), "村民小组民主评议");
        propose("评议须由村民小组民主进行，名称写明");

        // the caseload limit in the team assignment table
        openModel("推荐帮扶小组");
        editLive();
        waitUntil("return !!document.querySelector('bangfu-dmn-editor td[data-element-id=\"InputEntry_SameVillage_Village\"]')");
        browser.click(By.cssSelector("bangfu-dmn-editor td.input-cell[data-element-id='InputEntry_SameVillage_Village']"));
        // the cell is a FEEL editor (CodeMirror): keys as a person presses them, once it has the focus
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(js("return document.activeElement.classList.contains('cm-content')")));
        new org.openqa.selenium.interactions.Actions(browser.driver()).pause(Duration.ofMillis(300))
                .sendKeys(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE)
                .pause(Duration.ofMillis(300)).sendKeys("<8").perform();
        assertThat((Object) js("return document.activeElement.textContent")).isEqualTo("<8");
        browser.click(By.id("draft-compare"));
        browser.awaitText(By.id("difference-list"), "< 10 → <8");
        browser.screenshot("modeler-decision-table");
        propose("每个小组最多帮扶 8 户");

        // the proposer cannot approve; the second administrator can
        openModel("帮扶结对流程");
        browser.click(By.cssSelector("#open-drafts a"));
        browser.awaitText(By.id("draft-actions"), "等待另一位系统管理员批准");
        assertThat(browser.all(By.id("draft-approve"))).isEmpty();
        browser.close();

        browser = new Browser(port, 1400, 1000);
        browser.signIn("admin2");
        for (String model : List.of("帮扶结对流程", "推荐帮扶小组")) {
            openModel(model);
            browser.click(By.cssSelector("#open-drafts a"));
            browser.click(By.id("draft-compare"));
            browser.await(By.id("difference-list"));
            browser.click(By.id("draft-approve"));
            waitUntil("return document.getElementById('draft-state').textContent.includes('已部署')");
        }

        ProcessDefinition after = latest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(engine.getRepositoryService().getBpmnModelInstance(after.getId())
                .getModelElementById("Task_FirstReview").getAttributeValue("name")).isEqualTo("村民小组民主评议");
        assertThat((Object) engine.getDecisionService().evaluateDecisionTableByKey("TeamAssignmentDecision",
                org.camunda.bpm.engine.variable.Variables.createVariables().putValue("villageTeamCaseload", 9)
                        .putValue("streetTeamCaseload", 3).putValue("villageTeamId", 1L).putValue("streetTeamId", 2L)
                        .putValue("districtTeamId", 3L)).getSingleResult().getEntry("proposedTeamId")).isEqualTo(2L);

        // a new case follows the new version
        String started = startANewCase();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId());

        // a running case moves to the new version, its history intact
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(before.getId()).orderByProcessInstanceId().asc().list().get(0);
        long historyBefore = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(running.getId()).count();
        openModel("帮扶结对流程");
        browser.click(By.id("migrate-" + before.getVersion()));
        browser.await(By.id("migration-steps"));
        browser.screenshot("modeler-migration-plan");
        browser.click(By.xpath("//vaadin-grid[@id='migration-cases']//vaadin-grid-cell-content[contains(., '"
                + running.getBusinessKey() + "')]/preceding::vaadin-checkbox[1]"));
        browser.click(By.id("migration-run"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> browser.present(By.id("migration-status")).getText().contains("迁移完成"));
        assertThat(browser.present(By.id("migration-status")).getText()).contains("1 件已迁移");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(after.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(running.getId()).count()).isEqualTo(historyBefore);
        browser.close();

        // the library on a phone
        browser = new Browser(port, 390, 844);
        browser.signIn("admin");
        openModel("帮扶结对流程");
        assertThat((Object) js("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        browser.screenshot("modeler-library-phone");
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("AssistancePairingProcess")
                .latestVersion().singleResult();
    }

    /** A household applies now: its case starts on the version live now. */
    private String startANewCase() {
        long village = jdbc.sql("select id from bf_village where code = 'S01-V2'").query(Long.class).single();
        long street = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        RunAs as = new RunAs(users);
        long household = as.call("street01", () -> {
            HouseholdFile file = households.create(new HouseholdDraft("新版流程申请户", street, village, "中央城15号", null,
                    null, Attribute.DIBAO, null, null, null, null, "ILLNESS", List.of(), null, null));
            households.addMember(file.id(), new MemberDraft("新版流程申请户", "HEAD", null, null,
                    TestIds.id(LocalDate.of(1970, 3, 9), 517), null, null, null, null, null, null, false, false));
            return file.id();
        });
        as.call("street01", () -> pairing.start(household));
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(Households.fileNo(household)).singleResult().getId();
    }
}
