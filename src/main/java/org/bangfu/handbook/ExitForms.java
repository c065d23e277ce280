package org.bangfu.handbook;

import static org.bangfu.tasks.FormField.Type.TEXTAREA;

import java.util.List;
import java.util.Map;

import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskForms;
import org.bangfu.tasks.TaskStep;
import org.springframework.stereotype.Component;

/** The forms of the exit's tasks, worked in the task list like every other step. */
@Component
class ExitForms implements TaskForms {

    private final Exits exits;

    ExitForms(Exits exits) {
        this.exits = exits;
    }

    @Override
    public List<String> taskKeys() {
        return ExitVariables.TASKS;
    }

    @Override
    public List<FormField> fields(String taskKey) {
        if (taskKey.equals(ExitVariables.HOME_CHECK)) {
            return List.of(FormField.decision(ExitVariables.CONFIRM, ExitVariables.NOT_CONFIRMED),
                    FormField.required("findings", TEXTAREA));
        }
        return List.of(FormField.decision(ExitVariables.APPROVE, ExitVariables.REJECT),
                FormField.requiredWhen("opinion", TEXTAREA, ExitVariables.REJECT));
    }

    @Override
    public Map<String, Object> context(TaskStep step) {
        return exits.context(step);
    }

    @Override
    public StepOutcome submit(TaskStep step, FormInput input) {
        return step.taskKey().equals(ExitVariables.HOME_CHECK) ? exits.homeCheck(step, input)
                : exits.approve(step, input);
    }
}
