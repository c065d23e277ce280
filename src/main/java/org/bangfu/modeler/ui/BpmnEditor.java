package org.bangfu.modeler.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonType;

/**
 * The administrator's BPMN editor ({@code ui/bangfu-bpmn-editor.js}): bpmn-js with the Camunda 7 properties panel and
 * lint overlays for bpmnlint's recommended rules and Bangfu's conventions ({@code ui/bpmnlint-plugin-bangfu}). The
 * server's own findings and the differences to another version can be drawn on the diagram.
 */
@Tag("bangfu-bpmn-editor")
@JsModule("./bangfu-bpmn-editor.js")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "camunda-bpmn-moddle", version = "8.0.1")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@NpmPackage(value = "bpmn-js-bpmnlint", version = "0.24.0")
@NpmPackage(value = "bpmnlint", version = "11.15.0")
public class BpmnEditor extends Component {

    /** A problem the server found in the process, shown in red on the element. */
    public record Problem(String elementId, String message) {
    }

    /** How an element differs from the version it is compared with. */
    public enum Mark {
        ADDED, CHANGED, REMOVED
    }

    /** The lint findings after each change: counts, and each finding with its message in the editor's language. */
    public record LintResult(int errors, int warnings, List<LintIssue> issues) {
    }

    /** A lint finding; {@code category} is bpmnlint's: "error", "warn" or "info". */
    public record LintIssue(String elementId, String elementName, String rule, String message, String category) {
    }

    /**
     * @param translations the editor's texts in the user's language, English source text to translation
     *                     ({@link ModelerTexts#forLocale}); empty for English
     */
    public BpmnEditor(Map<String, String> translations) {
        getElement().setPropertyJson("translations", ModelerTexts.toJson(translations));
    }

    public void setXml(String bpmnXml) {
        getElement().setProperty("xml", bpmnXml);
    }

    /** The edited XML, including the value still being typed in the properties panel. */
    public CompletableFuture<String> save() {
        return getElement().callJsFunction("save").toCompletableFuture(String.class);
    }

    /**
     * The candidate groups user tasks may name (patterns compared literally, e.g. {@code street-${streetId}}) and
     * the delegate beans service tasks may call.
     */
    public void setLintConfig(Collection<String> groups, Collection<String> delegates) {
        JsonObject config = Json.createObject();
        config.put("groups", array(groups));
        config.put("delegates", array(delegates));
        getElement().setPropertyJson("lintConfig", config);
    }

    public void setProblems(List<Problem> problems) {
        JsonArray array = Json.createArray();
        for (Problem problem : problems) {
            JsonObject p = Json.createObject();
            p.put("elementId", problem.elementId());
            p.put("message", problem.message());
            array.set(array.length(), p);
        }
        getElement().setPropertyJson("problems", array);
    }

    /** Outlines elements green (added), amber (changed) or red (removed); elements not named are not outlined. */
    public void setMarks(Map<String, Mark> marks) {
        JsonObject object = Json.createObject();
        marks.forEach((id, mark) -> object.put(id, mark.name().toLowerCase(Locale.ROOT)));
        getElement().setPropertyJson("marks", object);
    }

    /** Selects the element and scrolls it into view. */
    public void focusElement(String elementId) {
        getElement().callJsFunction("focusElement", elementId);
    }

    /** Each change the administrator makes to the diagram. */
    public Registration addChangeListener(Runnable listener) {
        return getElement().addEventListener("editor-changed", e -> listener.run());
    }

    public Registration addLintListener(Consumer<LintResult> listener) {
        return getElement().addEventListener("lint-changed", e -> listener.accept(lintResult(e.getEventData()
                .getObject("event.detail")))).addEventData("event.detail");
    }

    /** A diagram that could not be read, with the reason bpmn-js gives. */
    public Registration addFailureListener(Consumer<String> listener) {
        return getElement().addEventListener("editor-failed", e -> listener.accept(e.getEventData()
                .getString("event.detail.message"))).addEventData("event.detail.message");
    }

    static LintResult lintResult(JsonObject detail) {
        JsonArray array = detail.getArray("issues");
        List<LintIssue> issues = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            JsonObject issue = array.getObject(i);
            issues.add(new LintIssue(text(issue, "elementId"), text(issue, "elementName"), text(issue, "rule"),
                    text(issue, "message"), text(issue, "category")));
        }
        return new LintResult((int) detail.getNumber("errors"), (int) detail.getNumber("warnings"), List.copyOf(issues));
    }

    private static String text(JsonObject object, String key) {
        return object.hasKey(key) && object.get(key).getType() == JsonType.STRING
                ? object.getString(key) : "";
    }

    private static JsonArray array(Collection<String> values) {
        JsonArray array = Json.createArray();
        for (String value : values) {
            array.set(array.length(), value);
        }
        return array;
    }
}
