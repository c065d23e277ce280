package org.bangfu.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.bangfu.modeler.ModelDiff.Change;
import org.bangfu.modeler.ModelDiff.Kind;
import org.bangfu.modeler.ModelDiff.PropertyChange;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Compares two BPMN or DMN files by meaning. The elements compared are those with an id that are a process's or
 * sub-process's flow elements, lanes, or top-level definitions (process, message, decision...); everything below one
 * (its attributes, extension elements, conditions, timers, a decision's whole table) is flattened into its
 * properties. Layout, the exporter's name, and the order of attributes and of incoming/outgoing references do
 * not count.
 */
final class ModelDiffer {

    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration", "laneSet", "lane");
    /** Elements that only list references: compared as sets. */
    private static final Set<String> REFERENCE_LISTS = Set.of("incoming", "outgoing", "flowNodeRef");
    private static final Set<String> IGNORED_ROOT_ATTRIBUTES = Set.of("exporter", "exporterVersion");
    /** Attributes a modeler may leave out because the standard defines their value when they are missing. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("hitPolicy", "UNIQUE"),
            Map.entry("preferredOrientation", "Rule-as-Row"), Map.entry("isInterrupting", "true"),
            Map.entry("cancelActivity", "true"), Map.entry("isForCompensation", "false"),
            Map.entry("gatewayDirection", "Unspecified"), Map.entry("parallelMultiple", "false"),
            Map.entry("instantiate", "false"), Map.entry("eventGatewayType", "Exclusive"),
            Map.entry("isClosed", "false"), Map.entry("processType", "None"), Map.entry("completionQuantity", "1"),
            Map.entry("startQuantity", "1"), Map.entry("isSequential", "false"), Map.entry("isCollection", "false"),
            Map.entry("triggeredByEvent", "false"), Map.entry("isImmediate", "true"),
            Map.entry("camunda:asyncBefore", "false"), Map.entry("camunda:asyncAfter", "false"),
            Map.entry("camunda:exclusive", "true"));
    private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

    private ModelDiffer() {
    }

    static ModelDiff compare(String beforeXml, String afterXml) {
        Map<String, Keyed> before = keyed(ModelDocument.read(beforeXml));
        Map<String, Keyed> after = keyed(ModelDocument.read(afterXml));
        List<Change> changes = new ArrayList<>();
        for (Keyed a : after.values()) {
            Keyed b = before.get(a.id);
            if (b == null) {
                changes.add(new Change(a.id, a.type, a.name, Kind.ADDED, List.of()));
                continue;
            }
            List<PropertyChange> properties = new ArrayList<>();
            Set<String> paths = new LinkedHashSet<>(b.properties.keySet());
            paths.addAll(a.properties.keySet());
            for (String path : paths) {
                String was = b.properties.get(path);
                String is = a.properties.get(path);
                if (!Objects.equals(was, is)) {
                    properties.add(new PropertyChange(path, was, is));
                }
            }
            if (!b.type.equals(a.type)) {
                properties.add(0, new PropertyChange("type", b.type, a.type));
            }
            if (!properties.isEmpty()) {
                changes.add(new Change(a.id, a.type, a.name != null ? a.name : b.name, Kind.CHANGED, properties));
            }
        }
        for (Keyed b : before.values()) {
            if (!after.containsKey(b.id)) {
                changes.add(new Change(b.id, b.type, b.name, Kind.REMOVED, List.of()));
            }
        }
        return new ModelDiff(List.copyOf(changes));
    }

    private record Keyed(String id, String type, String name, Map<String, String> properties) {
    }

    private static Map<String, Keyed> keyed(Element root) {
        Map<String, Keyed> all = new LinkedHashMap<>();
        collect(root, all);
        return all;
    }

    private static void collect(Element element, Map<String, Keyed> all) {
        if (ModelDocument.isLayout(element)) {
            return;
        }
        boolean container = CONTAINERS.contains(element.getLocalName());
        boolean isRoot = element.getParentNode() == null || !(element.getParentNode() instanceof Element);
        if (!isRoot && element.hasAttribute("id")) {
            Map<String, String> properties = new LinkedHashMap<>();
            flatten(element, "", properties);
            all.put(element.getAttribute("id"), new Keyed(element.getAttribute("id"), element.getLocalName(),
                    ModelDocument.attribute(element, "name"), properties));
        }
        if (container || isRoot) {
            for (Element child : ModelDocument.children(element)) {
                collect(child, all);
            }
        }
    }

    private static boolean isKeyed(Element element) {
        return element.hasAttribute("id") && element.getParentNode() instanceof Element parent
                && CONTAINERS.contains(parent.getLocalName());
    }

    private static void flatten(Element element, String path, Map<String, String> properties) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = display(attribute);
            // ids: the element's own is its key, those of what lies below it are the modeler's bookkeeping
            if (name == null || name.equals("id")
                    || (element.getLocalName().equals("definitions") && IGNORED_ROOT_ATTRIBUTES.contains(name))) {
                continue;
            }
            if (!attribute.getValue().equals(DEFAULTS.get(name))) {
                properties.put(path + name, attribute.getValue());
            }
        }
        String text = ownText(element);
        if (!text.isEmpty()) {
            properties.put(path.isEmpty() ? "text" : path.substring(0, path.length() - 1), text);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (Element child : ModelDocument.children(element)) {
            if (ModelDocument.isLayout(child) || (CONTAINERS.contains(element.getLocalName()) && isKeyed(child))) {
                continue;
            }
            String local = display(child);
            if (REFERENCE_LISTS.contains(child.getLocalName())) {
                references.computeIfAbsent(path + local, k -> new TreeSet<>()).add(ownText(child));
                continue;
            }
            String label = child.hasAttribute("name") && !child.hasAttribute("id")
                    ? local + "[" + child.getAttribute("name") + "]"
                    : local + "[" + seen.merge(local, 1, Integer::sum) + "]";
            flatten(child, path + label + "/", properties);
        }
        references.forEach((key, ids) -> properties.put(key, String.join(", ", ids)));
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString().strip();
    }

    /** The name a person reads: {@code camunda:} for Camunda's extensions, none for the model's own; null to skip. */
    private static String display(Node node) {
        String ns = node.getNamespaceURI();
        String local = node.getLocalName();
        if ("http://www.w3.org/2000/xmlns/".equals(ns) || MODELER_NS.equals(ns)) {
            return null;
        }
        if (ModelDocument.CAMUNDA_BPMN.equals(ns) || ModelDocument.CAMUNDA_DMN.equals(ns)) {
            return "camunda:" + local;
        }
        if ("http://www.w3.org/2001/XMLSchema-instance".equals(ns)) {
            return "xsi:" + local;
        }
        return local;
    }
}
