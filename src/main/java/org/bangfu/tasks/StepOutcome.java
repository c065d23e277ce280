package org.bangfu.tasks;

import java.util.HashMap;
import java.util.Map;

/**
 * What a submitted form decided: the decision and reason kept in the case's history with the accepted
 * {@code values}, and the few {@code variables} the engine gets (the decision, ids).
 */
public record StepOutcome(String decision, String reason, Map<String, Object> variables, Map<String, Object> values) {

    /** The outcome of a form read by {@code in}; the engine gets the decision, if any. */
    public static StepOutcome of(FormInput in, String decision, String reason) {
        Map<String, Object> variables = new HashMap<>();
        if (decision != null) {
            variables.put(FormField.DECISION, decision);
        }
        return new StepOutcome(decision, reason, variables, in.values());
    }
}
