package org.bangfu.household.ui;

import java.util.Locale;

import org.bangfu.household.CodeLists;

import com.vaadin.flow.component.html.Span;

/** Labels of codes and states, for the household views. */
final class Labels {

    private Labels() {
    }

    static String code(CodeLists codes, String list, String code, Locale locale) {
        return code == null ? "" : codes.label(list, code, locale);
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
