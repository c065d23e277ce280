package org.bangfu.pairing;

import java.util.Map;

/** The user task a form is submitted for, with the process variables its rules need. */
public record TaskStep(String taskId, String taskKey, long caseId, long householdId, String username,
        Map<String, Object> variables) {

    public Long longVariable(String name) {
        return variables.get(name) instanceof Number n ? n.longValue() : null;
    }
}
