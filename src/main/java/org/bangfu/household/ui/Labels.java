package org.bangfu.household.ui;

import java.util.Locale;

import org.bangfu.household.CodeLists;

/** Labels of codes, for the household views. */
final class Labels {

    private Labels() {
    }

    static String code(CodeLists codes, String list, String code, Locale locale) {
        return code == null ? "" : codes.label(list, code, locale);
    }
}
