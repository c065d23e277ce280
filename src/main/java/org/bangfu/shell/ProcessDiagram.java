package org.bangfu.shell;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/**
 * A read-only BPMN diagram drawn by bpmn-js in the browser ({@code ui/bangfu-process-diagram.js}): the current
 * steps highlighted, the steps already done marked, or each step's figures shown over it and the step coloured by
 * its load, or the differences to another version of the process outlined.
 */
@Tag("bangfu-process-diagram")
@JsModule("./bangfu-process-diagram.js")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
public class ProcessDiagram extends Component {

    /**
     * What a step shows: a badge (e.g. the cases waiting), an alert in red if any (e.g. how many overdue), a line of
     * detail (also its tooltip), and its load between 0 and 1, which colours it.
     */
    public record StepFigure(String badge, String alert, String detail, double load) {
    }

    public ProcessDiagram(String bpmnXml, Collection<String> current, Collection<String> done) {
        getElement().setProperty("xml", bpmnXml);
        getElement().setPropertyJson("current", array(current));
        getElement().setPropertyJson("done", array(done));
    }

    /** A diagram of a process to show figures on. */
    public ProcessDiagram(String bpmnXml) {
        this(bpmnXml, List.of(), List.of());
    }

    public void setXml(String bpmnXml) {
        getElement().setProperty("xml", bpmnXml);
    }

    /** The figures of the steps, by their element ids; steps not named show none. */
    public void setStepFigures(Map<String, StepFigure> figures) {
        JsonObject all = Json.createObject();
        figures.forEach((id, figure) -> {
            JsonObject f = Json.createObject();
            f.put("badge", figure.badge());
            if (figure.alert() != null) {
                f.put("alert", figure.alert());
            }
            f.put("detail", figure.detail() == null ? "" : figure.detail());
            f.put("load", figure.load());
            all.put(id, f);
        });
        getElement().setPropertyJson("figures", all);
    }

    /**
     * Outlines elements by how they differ from another version of the process: "added" green, "changed" amber,
     * "removed" red, by their element ids.
     */
    public void setMarks(Map<String, String> marks) {
        JsonObject all = Json.createObject();
        marks.forEach(all::put);
        getElement().setPropertyJson("marks", all);
    }

    /** A click on a step that shows figures, with the step's element id. */
    public Registration addStepClickListener(Consumer<String> listener) {
        return getElement().addEventListener("step-click", e -> listener.accept(e.getEventData()
                .getString("event.detail.id"))).addEventData("event.detail.id");
    }

    private static JsonArray array(Collection<String> ids) {
        JsonArray array = Json.createArray();
        int i = 0;
        for (String id : ids) {
            array.set(i++, id);
        }
        return array;
    }
}
