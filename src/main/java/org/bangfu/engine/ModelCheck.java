package org.bangfu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bangfu.engine.ExpressionCheck.Refusal;
import org.bangfu.engine.XmlTree.Attribute;
import org.bangfu.engine.XmlTree.Element;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The deployment gate's reading of one resource: a BPMN or DMN file passes when everything in it the engine
 * would run is plain data or a call of an allow-listed bean (see {@link ExpressionCheck}). Everything else is
 * refused with the element and attribute that holds it: scripts anywhere, Java classes other than Bangfu's
 * delegates, service-task types (shell, mail, connectors, external), field injection, external resources and
 * document types, expressions evaluated at deployment, DMN expression languages other than FEEL, FEEL that
 * reaches Java, and any element or Camunda attribute the gate does not know.
 */
final class ModelCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda's engine still reads the extension attributes of its ancestor under this namespace. */
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    /** Diagram layout: the engine reads shapes' bounds and edges' waypoints from these, nothing it would run. */
    private static final Set<String> BPMN_LAYOUT = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    private static final Set<String> BPMN_LAYOUT_ELEMENTS = Set.of("BPMNDiagram", "BPMNPlane", "BPMNShape", "BPMNEdge",
            "BPMNLabel", "BPMNLabelStyle", "Bounds", "waypoint", "Font");
    private static final Pattern DMN_LAYOUT = Pattern.compile("https?://www\\.omg\\.org/spec/DMN/\\d+/(DMNDI|DI|DC)/");
    static final Set<String> DMN = Set.of("http://www.omg.org/spec/DMN/20151101/dmn.xsd",
            "http://www.omg.org/spec/DMN/20151101/dmn11.xsd", "http://www.omg.org/spec/DMN/20180521/MODEL/",
            "https://www.omg.org/spec/DMN/20191111/MODEL/", "https://www.omg.org/spec/DMN/20191111/DMN13.xsd",
            "https://www.omg.org/spec/DMN/20211108/MODEL/", "https://www.omg.org/spec/DMN/20230324/MODEL/");

    /** The resources the engine reads as models, by the suffixes its deployers look for. */
    static final List<String> BPMN_SUFFIXES = List.of("bpmn20.xml", "bpmn");
    static final List<String> DMN_SUFFIXES = List.of("dmn11.xml", "dmn");

    private static final Set<String> BPMN_ELEMENTS = Set.of("definitions", "process", "collaboration", "participant",
            "messageFlow", "laneSet", "lane", "flowNodeRef", "childLaneSet", "startEvent", "endEvent",
            "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask",
            "sendTask", "receiveTask", "manualTask", "businessRuleTask", "callActivity", "subProcess", "transaction",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "sequenceFlow",
            "conditionExpression", "incoming", "outgoing", "message", "signal", "error", "escalation",
            "timerEventDefinition", "timeDate", "timeDuration", "timeCycle", "messageEventDefinition",
            "signalEventDefinition", "errorEventDefinition", "escalationEventDefinition", "compensateEventDefinition",
            "terminateEventDefinition", "conditionalEventDefinition", "condition", "linkEventDefinition",
            "cancelEventDefinition", "multiInstanceLoopCharacteristics", "loopCardinality", "completionCondition",
            "documentation", "extensionElements", "textAnnotation", "text", "association", "group", "category",
            "categoryValue", "dataObject", "dataObjectReference", "dataStoreReference", "dataStore",
            "humanPerformer", "potentialOwner", "resourceAssignmentExpression", "formalExpression");

    /** BPMN elements whose text the engine evaluates as an expression. */
    private static final Set<String> BPMN_EXPRESSION_TEXTS = Set.of("conditionExpression", "condition", "timeDate",
            "timeDuration", "timeCycle", "loopCardinality", "completionCondition", "formalExpression");

    private static final Set<String> CAMUNDA_ELEMENTS = Set.of("executionListener", "taskListener", "inputOutput",
            "inputParameter", "outputParameter", "list", "map", "entry", "value", "in", "out", "formData",
            "formField", "validation", "constraint", "properties", "property", "failedJobRetryTimeCycle");

    /** Camunda attributes holding an expression the engine evaluates while a case runs. */
    private static final Set<String> CAMUNDA_EXPRESSIONS = Set.of("assignee", "candidateUsers", "candidateGroups",
            "dueDate", "followUpDate", "priority", "jobPriority", "taskPriority", "collection", "decisionRef",
            "decisionRefVersion", "decisionRefVersionTag", "decisionRefTenantId", "calledElementVersion",
            "calledElementVersionTag", "calledElementTenantId", "formKey", "formRef", "formRefVersion",
            "errorMessage", "expression");

    /** Camunda attributes that are names, flags or durations: never an expression. */
    private static final Set<String> CAMUNDA_PLAIN = Set.of("historyTimeToLive", "versionTag", "isStartableInTasklist",
            "initiator", "resultVariable", "elementVariable", "variableName", "variableEvents", "errorCodeVariable",
            "errorMessageVariable", "escalationCodeVariable", "asyncBefore", "asyncAfter", "async", "exclusive",
            "mapDecisionResult", "decisionRefBinding", "calledElementBinding", "formRefBinding",
            "candidateStarterGroups", "candidateStarterUsers", "modelerTemplate", "modelerTemplateVersion");

    /** Camunda attributes that name code to run or a way out of the engine. */
    private static final Map<String, String> CAMUNDA_REFUSED = Map.ofEntries(
            Map.entry("type", "taskType"), Map.entry("topic", "taskType"),
            Map.entry("formHandlerClass", "javaClass"), Map.entry("variableMappingClass", "javaClass"),
            Map.entry("resource", "external"), Map.entry("caseRef", "cases"), Map.entry("caseBinding", "cases"),
            Map.entry("caseVersion", "cases"), Map.entry("caseTenantId", "cases"));

    /** The form-field validators the engine ships; any other name is a class or bean to run. */
    private static final Set<String> BUILT_IN_VALIDATORS = Set.of("required", "readonly", "minlength", "maxlength",
            "min", "max");

    private static final Set<String> DMN_ELEMENTS = Set.of("definitions", "decision", "decisionTable", "input",
            "inputExpression", "text", "output", "rule", "inputEntry", "outputEntry", "description",
            "literalExpression", "variable", "informationRequirement", "requiredDecision", "requiredInput",
            "inputData", "knowledgeSource", "authorityRequirement", "requiredAuthority", "inputValues",
            "outputValues", "annotation", "annotationEntry", "extensionElements", "textAnnotation", "association",
            "sourceRef", "targetRef", "question", "allowedAnswers");

    private static final Set<String> CAMUNDA_DMN_PLAIN = Set.of("inputVariable", "historyTimeToLive", "versionTag");

    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

    private final ExpressionCheck expressions;
    private final ExpressionAllowList allowList;

    ModelCheck(ExpressionAllowList allowList) {
        this.allowList = allowList;
        this.expressions = new ExpressionCheck(allowList);
    }

    static boolean isModel(String resourceName) {
        return isBpmn(resourceName) || isDmn(resourceName);
    }

    static boolean isBpmn(String resourceName) {
        return BPMN_SUFFIXES.stream().anyMatch(resourceName::endsWith);
    }

    static boolean isDmn(String resourceName) {
        return DMN_SUFFIXES.stream().anyMatch(resourceName::endsWith);
    }

    /** Every reason to refuse this resource; empty when it may be deployed. */
    List<GateViolation> check(String resource, byte[] content) {
        Walk walk = new Walk(resource);
        if (!isModel(resource)) {
            walk.refuse(null, 0, 0, null, "resourceType", resource);
            return walk.violations;
        }
        Element root;
        try {
            root = XmlTree.parse(content);
        } catch (XmlTree.Unreadable e) {
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            walk.refuse(null, e.line, e.column, null, doctype ? "doctype" : "unreadable", e.getMessage());
            return walk.violations;
        }
        if (isBpmn(resource) && root.is(BPMN, "definitions")) {
            walk.bpmn(root);
        } else if (isDmn(resource) && DMN.contains(root.namespace) && root.name.equals("definitions")) {
            walk.modelNamespace = root.namespace;
            walk.dmn(root);
        } else {
            walk.refuse(root, null, "rootElement", root.written);
        }
        return walk.violations;
    }

    private final class Walk {

        private final String resource;
        private final List<GateViolation> violations = new ArrayList<>();
        private String modelNamespace = BPMN;

        Walk(String resource) {
            this.resource = resource;
        }

        // BPMN

        void bpmn(Element element) {
            boolean known;
            if (element.namespace.equals(BPMN)) {
                known = bpmnElement(element);
            } else if (element.namespace.equals(CAMUNDA)) {
                known = camundaElement(element);
            } else if (BPMN_LAYOUT.contains(element.namespace) && BPMN_LAYOUT_ELEMENTS.contains(element.name)) {
                known = true;
            } else {
                // the engine finds many BPMN elements by their name alone, in any namespace or none: an element
                // the gate would pass over as someone else's data could be read as a condition or a script
                refuse(element, null, element.namespace.equals(ACTIVITI) ? "legacy" : "element", element.written);
                known = false;
            }
            if (!known) {
                // refused whole: what is inside it adds nothing to the reason
                return;
            }
            // attributes of other namespaces (colours, the modeller's notes) are data: the engine reads attributes
            // by their exact namespace
            for (Attribute attribute : element.attributes) {
                if (attribute.namespace().equals(CAMUNDA)) {
                    camundaAttribute(element, attribute);
                } else if (attribute.namespace().equals(ACTIVITI)) {
                    refuse(element, attribute, "legacy", attribute.written());
                }
            }
            element.children.forEach(this::bpmn);
        }

        private boolean bpmnElement(Element element) {
            if (element.name.equals("scriptTask") || element.name.equals("script")) {
                refuse(element, null, "script", element.written);
                return false;
            }
            if (!BPMN_ELEMENTS.contains(element.name)) {
                refuse(element, null, "element", element.written);
                return false;
            }
            for (Attribute attribute : element.attributes) {
                if (!attribute.namespace().isEmpty()) {
                    continue;
                }
                switch (attribute.name()) {
                    case "language", "scriptFormat" -> refuse(element, attribute, "script", attribute.value());
                    case "operationRef" -> refuse(element, attribute, "webService", attribute.value());
                    case "implementation" -> {
                        if (!Set.of("##unspecified", "##WebService").contains(attribute.value())) {
                            refuse(element, attribute, "webService", attribute.value());
                        }
                    }
                    case "calledElement" -> expression(element, attribute, attribute.value());
                    case "name" -> {
                        if (element.name.equals("message") || element.name.equals("signal")) {
                            plain(element, attribute, attribute.value());
                        }
                    }
                    default -> {
                        // ids, references, flags and names: data
                    }
                }
            }
            if (BPMN_EXPRESSION_TEXTS.contains(element.name)) {
                if (evaluatedAtDeployment(element)) {
                    deployTimeText(element);
                } else {
                    expression(element, null, element.text());
                }
            }
            return true;
        }

        /**
         * The process's starters and priorities, and its start events' job priority: the engine reads them while
         * deploying (authorizations, the first timer job).
         */
        private boolean evaluatedAtDeployment(Element element, String camundaAttribute) {
            return element.is(BPMN, "process") && Set.of("candidateStarterGroups", "candidateStarterUsers",
                    "jobPriority", "taskPriority").contains(camundaAttribute)
                    || element.is(BPMN, "startEvent") && isProcessLevel(element) && camundaAttribute.equals("jobPriority");
        }

        /** A timer of a start event of the process itself: the engine schedules it while deploying. */
        private boolean evaluatedAtDeployment(Element element) {
            Element definition = element.parent;
            return definition != null && definition.is(BPMN, "timerEventDefinition") && definition.parent != null
                    && definition.parent.is(BPMN, "startEvent") && isProcessLevel(definition.parent);
        }

        private boolean isProcessLevel(Element event) {
            return event.parent != null && event.parent.is(BPMN, "process");
        }

        private void deployTimeText(Element element) {
            if (ExpressionCheck.containsExpression(element.text())) {
                refuse(element, null, "deployTime", element.text().strip());
            }
        }

        private boolean camundaElement(Element element) {
            if (element.name.equals("script")) {
                refuse(element, null, "script", element.written);
                return false;
            }
            if (element.name.equals("field")) {
                refuse(element, null, "fieldInjection", element.attribute("name").orElse(""));
                return false;
            }
            if (element.name.equals("connector")) {
                refuse(element, null, "taskType", element.written);
                return false;
            }
            if (!CAMUNDA_ELEMENTS.contains(element.name)) {
                refuse(element, null, "element", element.written);
                return false;
            }
            switch (element.name) {
                case "executionListener", "taskListener" -> listener(element);
                case "in", "out" -> variableMapping(element);
                case "inputParameter", "outputParameter", "value", "entry", "failedJobRetryTimeCycle" -> {
                    unqualified(element, Set.of("name", "key", "id"));
                    expression(element, null, element.text());
                }
                case "formField" -> {
                    unqualified(element, Set.of("id", "label", "type", "defaultValue", "datePattern"));
                    element.attribute("defaultValue").ifPresent(v -> expression(element, find(element, "defaultValue"), v));
                }
                case "constraint" -> {
                    unqualified(element, Set.of("name", "config"));
                    String name = element.attribute("name").orElse("");
                    if (!BUILT_IN_VALIDATORS.contains(name)) {
                        refuse(element, find(element, "name"), "validator", name);
                    }
                    element.attribute("config").ifPresent(v -> plain(element, find(element, "config"), v));
                }
                default -> unqualified(element, Set.of("id", "name", "value"));
            }
            return true;
        }

        private void listener(Element element) {
            unqualified(element, Set.of("event", "class", "expression", "delegateExpression", "id"));
            element.attribute("class").ifPresent(v -> javaClass(element, find(element, "class"), v));
            element.attribute("expression").ifPresent(v -> expression(element, find(element, "expression"), v));
            element.attribute("delegateExpression")
                    .ifPresent(v -> delegate(element, find(element, "delegateExpression"), v));
            element.attribute("event").ifPresent(v -> plain(element, find(element, "event"), v));
        }

        private void variableMapping(Element element) {
            unqualified(element, Set.of("source", "sourceExpression", "target", "variables", "businessKey", "local"));
            element.attribute("sourceExpression").ifPresent(v -> expression(element, find(element, "sourceExpression"), v));
            element.attribute("businessKey").ifPresent(v -> expression(element, find(element, "businessKey"), v));
            for (String name : List.of("source", "target", "variables", "local")) {
                element.attribute(name).ifPresent(v -> plain(element, find(element, name), v));
            }
        }

        private void camundaAttribute(Element element, Attribute attribute) {
            String name = attribute.name();
            String value = attribute.value();
            if (CAMUNDA_REFUSED.containsKey(name)) {
                refuse(element, attribute, CAMUNDA_REFUSED.get(name), value);
            } else if (evaluatedAtDeployment(element, name)) {
                if (ExpressionCheck.containsExpression(value)) {
                    refuse(element, attribute, "deployTime", value);
                }
            } else if (name.equals("class")) {
                javaClass(element, attribute, value);
            } else if (name.equals("delegateExpression") || name.equals("variableMappingDelegateExpression")) {
                delegate(element, attribute, value);
            } else if (name.equals("formKey") && value.contains("://")) {
                // Tasklist would load the form, and its scripts, from there
                refuse(element, attribute, "external", value);
            } else if (CAMUNDA_EXPRESSIONS.contains(name)) {
                expression(element, attribute, value);
            } else if (CAMUNDA_PLAIN.contains(name)) {
                plain(element, attribute, value);
            } else {
                refuse(element, attribute, "attribute", attribute.written());
            }
        }

        /** Attributes without a namespace on Camunda's extension elements: only those the engine reads as data. */
        private void unqualified(Element element, Set<String> known) {
            for (Attribute attribute : element.attributes) {
                if (attribute.namespace().isEmpty() && !known.contains(attribute.name())) {
                    refuse(element, attribute, "attribute", attribute.written());
                }
            }
        }

        private void javaClass(Element element, Attribute attribute, String className) {
            if (!allowList.isDelegateClass(className.strip())) {
                refuse(element, attribute, "javaClass", className);
            }
        }

        private void delegate(Element element, Attribute attribute, String value) {
            expressions.checkDelegate(value).ifPresent(r -> refuse(element, attribute, r));
        }

        private void expression(Element element, Attribute attribute, String value) {
            expressions.check(value).ifPresent(r -> refuse(element, attribute, r));
        }

        private void plain(Element element, Attribute attribute, String value) {
            if (ExpressionCheck.containsExpression(value)) {
                refuse(element, attribute, "plain", value);
            }
        }

        // DMN

        void dmn(Element element) {
            if (DMN.contains(element.namespace)) {
                if (!DMN_ELEMENTS.contains(element.name)) {
                    refuse(element, null, "element", element.written);
                    return;
                }
                for (Attribute attribute : element.attributes) {
                    if (attribute.namespace().isEmpty() && attribute.name().equals("expressionLanguage")
                            && !isFeel(attribute.value())) {
                        refuse(element, attribute, "expressionLanguage", attribute.value());
                    } else if (attribute.namespace().equals(CAMUNDA_DMN)) {
                        if (!CAMUNDA_DMN_PLAIN.contains(attribute.name())) {
                            refuse(element, attribute, "attribute", attribute.written());
                        } else {
                            plain(element, attribute, attribute.value());
                        }
                    }
                }
                if (element.name.equals("text") && reachesJava(element.text())) {
                    refuse(element, null, "feelJava", element.text().strip());
                }
            } else if (!DMN_LAYOUT.matcher(element.namespace).matches()) {
                refuse(element, null, "element", element.written);
                return;
            }
            element.children.forEach(this::dmn);
        }

        /** The same test the DMN engine makes before it hands an expression to FEEL. */
        private boolean isFeel(String language) {
            return language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE)
                    || language.toLowerCase(Locale.ROOT).equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE)
                    || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12)
                    || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13)
                    || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14)
                    || language.equals(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
        }

        /** FEEL reaches Java only through an {@code external} function definition (off in the engine as well). */
        private boolean reachesJava(String feel) {
            return FEEL_EXTERNAL.matcher(FEEL_STRING.matcher(feel).replaceAll("\"\"")).find();
        }

        // violations

        private Attribute find(Element element, String name) {
            return element.attributes.stream().filter(a -> a.namespace().isEmpty() && a.name().equals(name))
                    .findFirst().orElseThrow();
        }

        private void refuse(Element element, Attribute attribute, Refusal refusal) {
            refuse(element, attribute, "expression." + refusal.key(), refusal.detail());
        }

        void refuse(Element element, Attribute attribute, String reason, String detail) {
            refuse(element, element.line, element.column, attribute == null ? null : attribute.written(), reason,
                    detail);
        }

        void refuse(Element element, int line, int column, String attribute, String reason, String detail) {
            violations.add(new GateViolation(resource, line, column, element == null ? null : element.written,
                    element == null ? null : element.nearestId(modelNamespace, modelNamespace.equals(BPMN) ? CAMUNDA : CAMUNDA_DMN), attribute, reason, abbreviate(detail)));
        }

        private static String abbreviate(String text) {
            return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
        }
    }
}
