package org.bangfu.modeler;

import java.util.List;

/**
 * A change the library does not make, and why (bundle key {@code key} with {@code args}); {@code findings} when the
 * file itself may not be deployed. Nothing was changed.
 */
public class ModelChangeRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;
    private final transient List<Finding> findings;

    ModelChangeRefused(String key, List<Finding> findings, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
        this.findings = List.copyOf(findings);
    }

    ModelChangeRefused(String key, Object... args) {
        this(key, List.of(), args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.toArray();
    }

    public List<Finding> findings() {
        return findings;
    }
}
