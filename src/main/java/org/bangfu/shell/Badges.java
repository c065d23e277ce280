package org.bangfu.shell;

import com.vaadin.flow.component.html.Span;

/** Lumo badges: a short state shown in a coloured pill. */
public final class Badges {

    private Badges() {
    }

    /** A badge with the Lumo badge theme variants given, e.g. {@code "success"}, {@code "error"}, {@code "contrast"}. */
    public static Span of(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
