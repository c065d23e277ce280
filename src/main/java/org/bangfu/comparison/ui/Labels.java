package org.bangfu.comparison.ui;

import com.vaadin.flow.component.html.Span;

/** Small display helpers shared by the comparison views. */
final class Labels {

    private Labels() {
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    static String severityTheme(org.bangfu.comparison.Severity severity) {
        return switch (severity) {
            case HIGH -> "error";
            case MEDIUM -> "contrast";
            case LOW -> "contrast pill";
        };
    }

    static String statusTheme(org.bangfu.comparison.Warning.Status status) {
        return switch (status) {
            case OPEN -> "primary";
            case CONFIRMED -> "error";
            case DISMISSED -> "success";
        };
    }
}
