package org.bangfu.pairing;

import java.util.List;

/**
 * One process of a case as a diagram: its BPMN XML, the elements active now and those already passed. A task of a
 * called process (a public notice) has two: the case's process with the call highlighted, then the notice.
 */
public record CaseDiagram(String processKey, String bpmnXml, List<String> current, List<String> done) {
}
