package org.bangfu.handbook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.pairing.PairingVariables;
import org.bangfu.pairing.StepPrefill;
import org.bangfu.pairing.TaskStep;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 首次走访与帮扶计划 offers the visit the team recorded in 走访 since the step opened (the newest by its date): when,
 * who went and what the household needs. Without one, the step asks for them as before.
 */
@Component
class RecordedVisitPrefill implements StepPrefill {

    private final Visits visits;
    private final TaskService tasks;

    RecordedVisitPrefill(Visits visits, TaskService tasks) {
        this.visits = visits;
        this.tasks = tasks;
    }

    @Override
    public Map<String, Object> values(TaskStep step) {
        if (!PairingVariables.FIRST_VISIT_PLAN.equals(step.taskKey())) {
            return Map.of();
        }
        Task task = tasks.createTaskQuery().taskId(step.taskId()).singleResult();
        if (task == null) {
            return Map.of();
        }
        Instant opened = task.getCreateTime().toInstant();
        return visits.ofHousehold(step.householdId()).stream().filter(v -> !v.savedAt().isBefore(opened)).findFirst()
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
