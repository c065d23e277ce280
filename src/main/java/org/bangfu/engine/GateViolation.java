package org.bangfu.engine;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Why the deployment gate refuses a resource: where (file, line, element and its id, attribute) and what (a
 * message key below {@code engine.gate.} with its argument), so that a person reads it in their language and an
 * editor can mark the element.
 *
 * @param attribute the attribute as written ({@code camunda:class}), or null when the element itself or its text
 *                  is refused
 */
public record GateViolation(String resource, int line, int column, String element, String elementId,
        String attribute, String reason, String detail) {

    /** One line a person reads: file, line, element, attribute, reason. */
    public String describe(MessageSource messages, Locale locale) {
        String reason = reason(messages, locale);
        if (element == null) {
            return line > 0 ? messages.getMessage("engine.gate.whereLine", new Object[] { resource, String.valueOf(line), reason }, locale)
                    : messages.getMessage("engine.gate.whereFile", new Object[] { resource, reason }, locale);
        }
        String id = elementId == null ? messages.getMessage("engine.gate.noId", null, locale) : elementId;
        return attribute == null
                ? messages.getMessage("engine.gate.whereElement", new Object[] { resource, String.valueOf(line), element, id, reason }, locale)
                : messages.getMessage("engine.gate.where", new Object[] { resource, String.valueOf(line), element, id, attribute, reason },
                        locale);
    }

    public String reason(MessageSource messages, Locale locale) {
        return messages.getMessage("engine.gate." + reason, new Object[] { detail }, locale);
    }
}
