package org.bangfu.modeler;

import java.util.List;

/**
 * A reason a file may not be deployed as it is, on the element it concerns (null: the whole file). The text is the
 * bundle key {@code key} with {@code args}, so each reader sees it in their language.
 *
 * @param source which check found it: Bangfu's modelling rules, the deployment gate, or the engine's parser
 */
public record Finding(String elementId, Source source, String key, List<String> args) {

    public enum Source {
        RULE,
        GATE,
        ENGINE
    }

    public Finding {
        args = List.copyOf(args);
    }

    Finding(String elementId, Source source, String key, String... args) {
        this(elementId, source, key, List.of(args));
    }
}
