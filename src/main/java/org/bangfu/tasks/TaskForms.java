package org.bangfu.tasks;

import java.util.List;
import java.util.Map;

/**
 * The forms of user tasks of another module's process (the fund release): a bean implementing this puts its
 * tasks in the task list, on the task page and behind the task endpoints, worked like the pairing's own steps.
 * Its tasks need the process variables {@code caseId} and {@code householdId} to be listed.
 */
public interface TaskForms {

    /** The task definition keys these forms are for, in the order a release meets them. */
    List<String> taskKeys();

    List<FormField> fields(String taskKey);

    /** What the task's page shows beside the form, read by the person who may see the task. */
    Map<String, Object> context(TaskStep step);

    /**
     * Validates and records the form, inside the transaction that completes the task; refused input throws
     * {@link org.bangfu.shared.InvalidInput} after {@link FormInput#throwIfInvalid()} and changes nothing.
     */
    StepOutcome submit(TaskStep step, FormInput input);
}
