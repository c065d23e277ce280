package org.bangfu.shared;

/**
 * Texts from the message bundles in the reader's language: a view's {@code this::getTranslation}, or
 * {@code (key, args) -> messages.getMessage(key, args, locale)} for documents.
 */
@FunctionalInterface
public interface Texts {

    String get(String key, Object... args);
}
