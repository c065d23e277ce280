package org.bangfu.funds;

import static org.bangfu.tasks.FormField.Type.CHOICE;
import static org.bangfu.tasks.FormField.Type.INTEGER;
import static org.bangfu.tasks.FormField.Type.MONEY;
import static org.bangfu.tasks.FormField.Type.TEXTAREA;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bangfu.household.CodeLists;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskForms;
import org.bangfu.tasks.TaskStep;
import org.springframework.stereotype.Component;

/** The forms of the fund release's tasks, worked in the task list like every other step. */
@Component
class FundReleaseForms implements TaskForms {

    private final FundRequests requests;

    FundReleaseForms(FundRequests requests) {
        this.requests = requests;
    }

    @Override
    public List<String> taskKeys() {
        return FundVariables.TASKS;
    }

    @Override
    public List<FormField> fields(String taskKey) {
        if (taskKey.equals(FundVariables.REQUEST)) {
            return List.of(FormField.decision(FundVariables.SUBMIT, FundVariables.WITHDRAW),
                    FormField.optional("year", INTEGER),
                    new FormField("programme", CHOICE, false,
                            Arrays.stream(Programme.values()).map(Enum::name).toList(), null,
                            List.of(FundVariables.SUBMIT)),
                    FormField.requiredWhen("amount", MONEY, FundVariables.SUBMIT),
                    new FormField("measure", FormField.Type.CODE, false, List.of(), CodeLists.MEASURE,
                            List.of(FundVariables.SUBMIT)),
                    FormField.requiredWhen("purpose", TEXTAREA, FundVariables.SUBMIT),
                    FormField.requiredWhen("reason", TEXTAREA, FundVariables.WITHDRAW));
        }
        return List.of(FormField.decision(FundVariables.APPROVE, FundVariables.REJECT, FundVariables.RETURN),
                FormField.requiredWhen("opinion", TEXTAREA, FundVariables.REJECT, FundVariables.RETURN));
    }

    @Override
    public Map<String, Object> context(TaskStep step) {
        return requests.context(step);
    }

    @Override
    public StepOutcome submit(TaskStep step, FormInput input) {
        return step.taskKey().equals(FundVariables.REQUEST) ? requests.request(step, input)
                : requests.decide(step, input);
    }
}
