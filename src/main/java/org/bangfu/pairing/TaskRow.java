package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/** A line of a task list: the step and the household it is about. */
public record TaskRow(String taskId, String taskKey, String name, long caseId, long householdId, String fileNo,
        String headName, String villageName, String streetName, String candidateGroup, String assignee,
        Instant createdAt, LocalDate dueOn) {
}
