package org.bangfu.pairing;

import java.time.Instant;
import java.util.Map;

/** A step someone completed: who, when, the decision, the reason, and what the form said. */
public record CaseStep(String taskId, String taskKey, String completedBy, Instant completedAt, String decision,
        String reason, Map<String, Object> data) {
}
