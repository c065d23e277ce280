package org.bangfu.modeler.ui;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * The administrator's DMN editor ({@code ui/bangfu-dmn-editor.js}): dmn-js opened on the first decision table, a tab
 * per decision table and one for the requirements diagram. Thresholds such as a team's caseload limit are edited in
 * the table's cells.
 */
@Tag("bangfu-dmn-editor")
@JsModule("./bangfu-dmn-editor.js")
@NpmPackage(value = "dmn-js", version = "17.10.2")
@NpmPackage(value = "camunda-dmn-moddle", version = "1.3.1")
public class DmnEditor extends Component {

    /**
     * @param translations the editor's texts in the user's language, English source text to translation
     *                     ({@link ModelerTexts#forLocale}); empty for English
     */
    public DmnEditor(Map<String, String> translations) {
        getElement().setPropertyJson("translations", ModelerTexts.toJson(translations));
    }

    public void setXml(String dmnXml) {
        getElement().setProperty("xml", dmnXml);
    }

    /** The edited XML, including the cell still being typed in. */
    public CompletableFuture<String> save() {
        return getElement().callJsFunction("save").toCompletableFuture(String.class);
    }

    /** Each change the administrator makes to a table or the diagram. */
    public Registration addChangeListener(Runnable listener) {
        return getElement().addEventListener("editor-changed", e -> listener.run());
    }

    /** A file that could not be read, with the reason dmn-js gives. */
    public Registration addFailureListener(Consumer<String> listener) {
        return getElement().addEventListener("editor-failed", e -> listener.accept(e.getEventData()
                .getString("event.detail.message"))).addEventData("event.detail.message");
    }
}
