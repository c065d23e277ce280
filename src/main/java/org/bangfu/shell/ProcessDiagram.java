package org.bangfu.shell;

import java.util.Collection;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import elemental.json.Json;
import elemental.json.JsonArray;

/**
 * A read-only BPMN diagram drawn by bpmn-js in the browser ({@code ui/bangfu-process-diagram.js}): the current
 * steps highlighted, the steps already done marked.
 */
@Tag("bangfu-process-diagram")
@JsModule("./bangfu-process-diagram.js")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
public class ProcessDiagram extends Component {

    public ProcessDiagram(String bpmnXml, Collection<String> current, Collection<String> done) {
        getElement().setProperty("xml", bpmnXml);
        getElement().setPropertyJson("current", array(current));
        getElement().setPropertyJson("done", array(done));
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
