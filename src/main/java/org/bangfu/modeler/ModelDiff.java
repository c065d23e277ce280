package org.bangfu.modeler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between two versions of a process or decision file, in meaning (never in layout): elements added,
 * removed, or changed with the properties that changed.
 */
public record ModelDiff(List<Change> changes) {

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** One element's difference; {@code type} is its BPMN/DMN element name ({@code userTask}), {@code name} its label. */
    public record Change(String elementId, String type, String name, Kind kind, List<PropertyChange> properties) {
    }

    /**
     * A property as a path below its element ({@code name}, {@code camunda:candidateGroups},
     * {@code decisionTable/rule[2]/inputEntry[1]/text}); null before (added) or after (removed).
     */
    public record PropertyChange(String property, String before, String after) {
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The kind of change per element id, for marking a diagram. */
    public Map<String, Kind> marks() {
        Map<String, Kind> marks = new LinkedHashMap<>();
        changes.forEach(c -> marks.put(c.elementId(), c.kind()));
        return marks;
    }

    /** Plain lines for the record (the audit trail keeps them with the XML): {@code ~ Task_X name: 'a' → 'b'}. */
    public String describe() {
        return changes.stream().map(c -> {
            String head = switch (c.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case CHANGED -> "~ ";
            } + c.elementId() + (c.name() == null ? "" : " (" + c.name() + ")");
            if (c.kind() != Kind.CHANGED) {
                return head;
            }
            return head + c.properties().stream()
                    .map(p -> "\n    " + p.property() + ": " + quote(p.before()) + " → " + quote(p.after()))
                    .collect(Collectors.joining());
        }).collect(Collectors.joining("\n"));
    }

    private static String quote(String value) {
        return value == null ? "—" : "'" + value + "'";
    }
}
