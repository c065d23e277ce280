package org.bangfu.pairing;

import java.util.List;
import java.util.Map;

import org.bangfu.household.HouseholdFile;
import org.bangfu.tasks.FormField;

/**
 * One task as its page shows it: the task, its form, the household (masked as the caller's scope requires),
 * the case's history, and what the step needs to see: the comparison report, the notice, the proposed team.
 * {@code actionable}: the caller may claim and complete it.
 */
public record TaskDetail(TaskRow task, List<FormField> fields, HouseholdFile household, List<CaseStep> history,
        Map<String, Object> context, boolean actionable) {
}
