package org.bangfu.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The resources the gate read during the deployment this thread is running, for the audit log. */
final class DeploymentAttempts {

    private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

    private DeploymentAttempts() {
    }

    static void begin() {
        SEEN.set(new ArrayList<>());
    }

    static void seen(Collection<String> resources) {
        List<String> seen = SEEN.get();
        if (seen != null) {
            seen.addAll(resources);
        }
    }

    static List<String> end() {
        List<String> seen = SEEN.get();
        SEEN.remove();
        return seen == null ? List.of() : List.copyOf(seen);
    }
}
