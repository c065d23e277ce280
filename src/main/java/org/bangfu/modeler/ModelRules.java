package org.bangfu.modeler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.modeler.Finding.Source;
import org.w3c.dom.Element;

/**
 * Bangfu's own modelling rules, the ones {@code ui/bpmnlint-plugin-bangfu} shows while the administrator draws, held
 * here again because a browser's word is not proof: technical ids and names as the conventions have them, a
 * history time to live on every process and decision, user tasks for groups Bangfu knows, service tasks that call
 * allow-listed Bangfu delegates, no scripts.
 */
final class ModelRules {

    /** The id prefixes each element may carry ({@code Task_FirstReview}); a prefix is followed by an UpperCamelCase word. */
    private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
            Map.entry("startEvent", List.of("StartEvent_")),
            Map.entry("endEvent", List.of("EndEvent_")),
            Map.entry("task", List.of("Task_")),
            Map.entry("userTask", List.of("Task_")),
            Map.entry("serviceTask", List.of("Task_")),
            Map.entry("sendTask", List.of("Task_")),
            Map.entry("receiveTask", List.of("Task_")),
            Map.entry("manualTask", List.of("Task_")),
            Map.entry("scriptTask", List.of("Task_")),
            Map.entry("businessRuleTask", List.of("BusinessRuleTask_", "Task_")),
            Map.entry("callActivity", List.of("CallActivity_")),
            Map.entry("subProcess", List.of("SubProcess_")),
            Map.entry("exclusiveGateway", List.of("Gateway_")),
            Map.entry("parallelGateway", List.of("Gateway_")),
            Map.entry("inclusiveGateway", List.of("Gateway_")),
            Map.entry("eventBasedGateway", List.of("Gateway_")),
            Map.entry("complexGateway", List.of("Gateway_")),
            Map.entry("sequenceFlow", List.of("SequenceFlow_")),
            Map.entry("boundaryEvent", List.of("BoundaryEvent_")),
            Map.entry("intermediateCatchEvent", List.of("IntermediateEvent_", "CatchEvent_", "MessageEvent_", "TimerEvent_", "SignalEvent_")),
            Map.entry("intermediateThrowEvent", List.of("IntermediateEvent_", "ThrowEvent_", "MessageEvent_", "SignalEvent_")),
            Map.entry("message", List.of("Message_")),
            Map.entry("signal", List.of("Signal_")),
            Map.entry("error", List.of("Error_")),
            Map.entry("escalation", List.of("Escalation_")));
    private static final Pattern WORD = Pattern.compile("[A-Z][A-Za-z0-9]*");
    /** What modelers generate: {@code Activity_0x7fk2s}, {@code Flow_1abcdef}. */
    private static final Pattern GENERATED = Pattern.compile(".*_[0-9][0-9a-z]{5,}");
    private static final Set<String> CALLS_A_DELEGATE = Set.of("serviceTask", "sendTask");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final Collection<String> groups;
    private final Collection<String> delegates;

    ModelRules(Collection<String> groups, Collection<String> delegates) {
        this.groups = groups;
        this.delegates = delegates;
    }

    List<Finding> check(ModelKind kind, Element root) {
        return kind == ModelKind.BPMN ? checkProcess(root) : checkDecisions(root);
    }

    private List<Finding> checkProcess(Element root) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> outgoing = new java.util.HashMap<>();
        for (Element element : ModelDocument.descendants(root)) {
            if (element.getLocalName().equals("sequenceFlow")) {
                outgoing.merge(element.getAttribute("sourceRef"), 1, Integer::sum);
            }
        }
        for (Element element : ModelDocument.descendants(root)) {
            if (ModelDocument.isLayout(element) || !element.hasAttribute("id")) {
                continue;
            }
            String type = element.getLocalName();
            String id = element.getAttribute("id");
            if (type.equals("process")) {
                checkName(findings, element, id);
                if (!WORD.matcher(id).matches() || !id.endsWith("Process")) {
                    findings.add(new Finding(id, Source.RULE, "modeler.rule.processId", id));
                }
                if ("true".equals(ModelDocument.attribute(element, "isExecutable"))
                        && blank(ModelDocument.camunda(element, "historyTimeToLive"))) {
                    findings.add(new Finding(id, Source.RULE, "modeler.rule.historyTimeToLive"));
                }
                continue;
            }
            List<String> prefixes = PREFIXES.get(type);
            if (prefixes != null && !hasConventionalId(id, prefixes)) {
                findings.add(new Finding(id, Source.RULE, "modeler.rule.id", id, String.join(" / ", prefixes)));
            }
            // a gateway that only joins asks nothing: it needs no name (as bpmnlint's label-required has it)
            boolean joinOnly = type.endsWith("Gateway") && outgoing.getOrDefault(id, 0) <= 1;
            if (isFlowNode(element) && !joinOnly) {
                checkName(findings, element, id);
            }
            switch (type) {
                case "userTask" -> checkCandidateGroups(findings, element, id);
                case "scriptTask" -> findings.add(new Finding(id, Source.RULE, "modeler.rule.script"));
                default -> {
                    if (CALLS_A_DELEGATE.contains(type)) {
                        checkDelegate(findings, element, id);
                    }
                }
            }
        }
        return findings;
    }

    private List<Finding> checkDecisions(Element root) {
        List<Finding> findings = new ArrayList<>();
        for (Element element : ModelDocument.children(root)) {
            if (!element.getLocalName().equals("decision")) {
                continue;
            }
            String id = element.getAttribute("id");
            checkName(findings, element, id);
            if (!WORD.matcher(id).matches() || !id.endsWith("Decision")) {
                findings.add(new Finding(id, Source.RULE, "modeler.rule.decisionId", id));
            }
            if (blank(ModelDocument.camunda(element, "historyTimeToLive"))) {
                findings.add(new Finding(id, Source.RULE, "modeler.rule.historyTimeToLive"));
            }
        }
        return findings;
    }

    private static boolean hasConventionalId(String id, List<String> prefixes) {
        if (GENERATED.matcher(id).matches()) {
            return false;
        }
        return prefixes.stream().anyMatch(p -> id.startsWith(p) && WORD.matcher(id.substring(p.length())).matches());
    }

    private static boolean isFlowNode(Element element) {
        String type = element.getLocalName();
        return (type.endsWith("Event") || type.endsWith("Task") || type.equals("task") || type.endsWith("Gateway")
                || type.equals("callActivity") || type.equals("subProcess"))
                && element.getParentNode() instanceof Element parent
                && (parent.getLocalName().equals("process") || parent.getLocalName().equals("subProcess"));
    }

    private static void checkName(List<Finding> findings, Element element, String id) {
        if (blank(ModelDocument.attribute(element, "name"))) {
            findings.add(new Finding(id, Source.RULE, "modeler.rule.name"));
        }
    }

    private void checkCandidateGroups(List<Finding> findings, Element task, String id) {
        String candidates = ModelDocument.camunda(task, "candidateGroups");
        if (blank(candidates)) {
            if (blank(ModelDocument.camunda(task, "assignee"))) {
                findings.add(new Finding(id, Source.RULE, "modeler.rule.noGroup", String.join("、", groups)));
            }
            return;
        }
        for (String group : splitGroups(candidates)) {
            if (!groups.contains(group)) {
                findings.add(new Finding(id, Source.RULE, "modeler.rule.unknownGroup", group, String.join("、", groups)));
            }
        }
    }

    /** Groups are separated by commas, but not those inside an expression. */
    private static List<String> splitGroups(String candidates) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : candidates.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    private void checkDelegate(List<Finding> findings, Element task, String id) {
        String expression = ModelDocument.camunda(task, "delegateExpression");
        if (expression == null) {
            findings.add(new Finding(id, Source.RULE, "modeler.rule.noDelegate"));
            return;
        }
        Matcher bean = DELEGATE_EXPRESSION.matcher(expression.strip());
        if (!bean.matches() || !delegates.contains(bean.group(1))) {
            findings.add(new Finding(id, Source.RULE, "modeler.rule.unknownDelegate", expression));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
