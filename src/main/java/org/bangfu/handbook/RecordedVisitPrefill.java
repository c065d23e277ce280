package org.bangfu.handbook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.pairing.PairingVariables;
import org.bangfu.tasks.StepPrefill;
import org.bangfu.tasks.TaskStep;
import org.springframework.stereotype.Component;

/**
 * 首次走访与帮扶计划 offers the visit the team recorded in 走访 (the household's newest by its date): when, who went and
 * what the household needs; the form says so and the person may change it. Without one, the step asks as before.
 */
@Component
class RecordedVisitPrefill implements StepPrefill {

    private final Visits visits;

    RecordedVisitPrefill(Visits visits) {
        this.visits = visits;
    }

    @Override
    public Map<String, Object> values(TaskStep step) {
        if (!PairingVariables.FIRST_VISIT_PLAN.equals(step.taskKey())) {
            return Map.of();
        }
        return visits.ofHousehold(step.householdId()).stream().findFirst()
                .map(visit -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("visitDate", visit.visitedOn().toString());
                    values.put("visitors", visit.visitors());
                    if (visit.needs() != null && !visit.needs().isBlank()) {
                        values.put("needs", visit.needs());
                    }
                    return values;
                }).orElse(Map.of());
    }
}
