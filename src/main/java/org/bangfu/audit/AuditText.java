package org.bangfu.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.Texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An audit entry's target or detail that reads in the auditor's language: stored as a message key with its
 * arguments (an argument may be a {@link #label} itself, for codes), rendered when read. Entries written before
 * kept plain text, which {@link #render} shows as it is.
 */
public final class AuditText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "key";
    private static final String ARGS = "args";
    private static final String ALL = "all";

    private AuditText() {
    }

    /** The stored form of a text: a message key and its arguments. */
    public static String of(String key, Object... args) {
        return write(tree(key, args));
    }

    /** The stored form of several texts ({@link #label}s) read one after the other. */
    public static String ofAll(List<Object> parts) {
        Map<String, Object> tree = tree("audit.detail.separator");
        tree.put(ALL, parts);
        return write(tree);
    }

    private static String write(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An argument that reads as the text of a message key, such as a code's {@code stage.FILING}; or a part of
     * {@link #ofAll}.
     */
    public static Object label(String key, Object... args) {
        return tree(key, args);
    }

    private static Map<String, Object> tree(String key, Object... args) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put(KEY, key);
        List<Object> values = new ArrayList<>();
        for (Object arg : args) {
            // numbers as written: MessageFormat would group an id or a year ("2,027")
            values.add(arg instanceof Map<?, ?> ? arg : arg == null ? "" : arg.toString());
        }
        if (!values.isEmpty()) {
            tree.put(ARGS, values);
        }
        return tree;
    }

    /** The text in the reader's language; a text stored before keys (or cut short) is shown as it is. */
    public static String render(String stored, Texts texts) {
        if (stored == null || !stored.startsWith("{\"" + KEY + "\"")) {
            return stored;
        }
        try {
            return render(JSON.readTree(stored), texts);
        } catch (JsonProcessingException e) {
            return stored;
        }
    }

    private static String render(JsonNode node, Texts texts) {
        if (node.has(ALL)) {
            List<String> parts = new ArrayList<>();
            node.get(ALL).forEach(part -> parts.add(render(part, texts)));
            return String.join(texts.get(node.path(KEY).asText()), parts);
        }
        List<Object> args = new ArrayList<>();
        node.path(ARGS).forEach(arg -> args.add(arg.isObject() ? render(arg, texts) : arg.asText()));
        return texts.get(node.path(KEY).asText(), args.toArray());
    }
}
