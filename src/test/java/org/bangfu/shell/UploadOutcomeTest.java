package org.bangfu.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.upload.Upload;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/** A refused file reads as an error and leaves the upload's list; a taken one reads as done. */
class UploadOutcomeTest {

    private static int filesListed(Upload upload) {
        return upload.getElement().getPropertyRaw("files") instanceof JsonArray files ? files.length() : 0;
    }

    @Test
    void aRefusedFileLeavesTheListAndTheReasonsReadAsAnError() {
        Upload upload = new Upload();
        JsonObject file = Json.createObject();
        file.put("name", "回单.csv");
        file.put("complete", true);
        JsonArray files = Json.createArray();
        files.set(0, file);
        upload.getElement().setPropertyJson("files", files);
        assertThat(filesListed(upload)).isOne();
        UploadOutcome outcome = new UploadOutcome(upload);

        outcome.refused("回单未导入： 第 3 行：参考号 P-1 支付失败，须写明原因");
        assertThat(filesListed(upload)).isZero();
        assertThat(outcome.isRefused()).isTrue();
        assertThat(outcome.getText()).contains("须写明原因");
        assertThat(outcome.getClassNames()).contains("bf-refused").doesNotContain("bf-accepted");
        assertThat(outcome.getElement().getAttribute("role")).isEqualTo("alert");

        outcome.accepted("对账完成");
        assertThat(outcome.isRefused()).isFalse();
        assertThat(outcome.getClassNames()).contains("bf-accepted").doesNotContain("bf-refused");
    }
}
