package org.bangfu.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;

/**
 * A process of {@code processes/} stripped of Bangfu for a benchmark's baseline: renamed, without execution
 * listeners, its service tasks doing nothing. The engine's own work stays: tasks, gateways, jobs, history.
 */
public final class BareProcess {

    private BareProcess() {
    }

    public static BpmnModelInstance of(String resource, String processId) {
        BpmnModelInstance model;
        try (InputStream in = BareProcess.class.getClassLoader().getResourceAsStream(resource)) {
            model = Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(processId);
        for (CamundaExecutionListener listener : List.copyOf(model.getModelElementsByType(CamundaExecutionListener.class))) {
            ((ExtensionElements) listener.getParentElement()).removeChildElement(listener);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            task.setCamundaExpression("${null}");
        }
        return model;
    }
}
