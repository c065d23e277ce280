package org.bangfu.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * The user task a form is submitted for: its process instance, when the engine created it (in the engine's time,
 * which a timer's day is counted in), and the process variables its rules need. Modules read these here, never from
 * the engine's tables.
 */
public record TaskStep(String taskId, String taskKey, long caseId, long householdId, String processInstanceId,
        Instant createdAt, String username, Map<String, Object> variables) {

    public Long longVariable(String name) {
        return variables.get(name) instanceof Number n ? n.longValue() : null;
    }
}
