package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A line of a task list: the step and the household it is about. {@code calendarMissing}: the years without holiday
 * entries that its due date (or its notice's period) was counted across, so the date may be wrong; empty when the
 * calendar covers it.
 */
public record TaskRow(String taskId, String taskKey, String name, long caseId, long householdId, String fileNo,
        String headName, String villageName, String streetName, String candidateGroup, String assignee,
        Instant createdAt, LocalDate dueOn, List<Integer> calendarMissing) {

    TaskRow withCalendarMissing(List<Integer> years) {
        return new TaskRow(taskId, taskKey, name, caseId, householdId, fileNo, headName, villageName, streetName,
                candidateGroup, assignee, createdAt, dueOn, List.copyOf(years));
    }
}
