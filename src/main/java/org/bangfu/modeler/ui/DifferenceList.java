package org.bangfu.modeler.ui;

import org.bangfu.modeler.ModelDiff;
import org.bangfu.modeler.ModelDiff.Change;
import org.bangfu.modeler.ModelDiff.PropertyChange;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/** The differences between two versions as a list: each element added, removed or changed, with its changed properties. */
class DifferenceList extends Composite<Div> {

    DifferenceList(ModelDiff diff) {
        Div root = getContent();
        root.setId("difference-list");
        if (diff.isEmpty()) {
            root.add(new Paragraph(root.getTranslation("modeler.diff.none")));
            return;
        }
        root.add(new Paragraph(root.getTranslation("modeler.diff.count", diff.changes().size())));
        UnorderedList list = new UnorderedList();
        for (Change change : diff.changes()) {
            ListItem item = new ListItem();
            item.addClassName("bf-diff-" + change.kind().name().toLowerCase(java.util.Locale.ROOT));
            Span kind = new Span(root.getTranslation("modeler.diff." + change.kind().name()));
            kind.getElement().getThemeList().add("badge " + switch (change.kind()) {
                case ADDED -> "success";
                case REMOVED -> "error";
                case CHANGED -> "contrast";
            });
            item.add(kind, new Span(" " + (change.name() == null ? "" : change.name() + " ") + "(" + change.elementId() + ")"));
            if (!change.properties().isEmpty()) {
                UnorderedList properties = new UnorderedList();
                for (PropertyChange p : change.properties()) {
                    properties.add(new ListItem(root.getTranslation("modeler.diff.property", readable(p.property()),
                            p.before() == null ? "—" : p.before(), p.after() == null ? "—" : p.after())));
                }
                item.add(properties);
            }
            list.add(item);
        }
        root.add(list);
    }

    /** A decision table's cells by rule and column ({@code 规则 2 · 输入 1}) rather than as the file's path. */
    private String readable(String property) {
        Div root = getContent();
        return property.replaceFirst("^decisionTable\\[1]/", "").replaceFirst("/text\\[1]$", "")
                .replaceAll("rule\\[(\\d+)]", root.getTranslation("modeler.diff.rule", "$1"))
                .replaceAll("inputEntry\\[(\\d+)]", root.getTranslation("modeler.diff.input", "$1"))
                .replaceAll("outputEntry\\[(\\d+)]", root.getTranslation("modeler.diff.output", "$1"))
                .replace("/", " · ");
    }
}
