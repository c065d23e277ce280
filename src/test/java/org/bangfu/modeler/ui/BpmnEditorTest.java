package org.bangfu.modeler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.modeler.ui.BpmnEditor.LintIssue;
import org.junit.jupiter.api.Test;

import elemental.json.Json;

class BpmnEditorTest {

    @Test
    void readsTheLintFindingsTheBrowserSends() {
        BpmnEditor.LintResult result = BpmnEditor.lintResult(Json.parse("""
                {"errors": 2, "warnings": 1, "issues": [
                  {"elementId": "Activity_0abc123", "elementName": "", "rule": "bangfu/technical-ids",
                   "message": "任务 ID 须形如 Task_FirstReview", "category": "error"},
                  {"elementId": "Task_HomeCheck", "elementName": "入户核查", "rule": "bangfu/candidate-group-known",
                   "message": "候选组不是已知的组", "category": "error"},
                  {"elementId": "Message_Objection", "rule": "global", "message": "元素未被使用", "category": "warn"}]}
                """));

        assertThat(result.errors()).isEqualTo(2);
        assertThat(result.warnings()).isEqualTo(1);
        assertThat(result.issues()).containsExactly(
                new LintIssue("Activity_0abc123", "", "bangfu/technical-ids", "任务 ID 须形如 Task_FirstReview", "error"),
                new LintIssue("Task_HomeCheck", "入户核查", "bangfu/candidate-group-known", "候选组不是已知的组", "error"),
                new LintIssue("Message_Objection", "", "global", "元素未被使用", "warn"));
    }
}
