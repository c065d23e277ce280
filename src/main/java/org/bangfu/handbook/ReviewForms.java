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

/** The forms of the periodic review's tasks, worked in the task list like every other step. */
@Component
class ReviewForms implements TaskForms {

    private final Reviews reviews;

    ReviewForms(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<String> taskKeys() {
        return ReviewVariables.TASKS;
    }

    @Override
    public List<FormField> fields(String taskKey) {
        if (taskKey.equals(ReviewVariables.REVIEW_VISIT)) {
            return List.of(FormField.decision(ReviewVariables.CONTINUE, ReviewVariables.ADJUST,
                    ReviewVariables.PROPOSE_EXIT), FormField.required("opinion", TEXTAREA));
        }
        return List.of(FormField.decision(ReviewVariables.ADJUSTED), FormField.optional("opinion", TEXTAREA));
    }

    @Override
    public Map<String, Object> context(TaskStep step) {
        return reviews.context(step);
    }

    @Override
    public StepOutcome submit(TaskStep step, FormInput input) {
        return step.taskKey().equals(ReviewVariables.REVIEW_VISIT) ? reviews.conclude(step, input)
                : reviews.adjusted(input);
    }
}
