package org.bangfu.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The bundles' texts in one language. */
record Texts(MessageSource messages, Locale locale) {

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A label that may be missing from the bundles (a step of a newly deployed process): then {@code fallback}. */
    String orElse(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
