package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something a person should know about a task: NEW_TASK for their group, DUE_SOON (due the next working day),
 * OVERDUE (to the task's group), ESCALATED (an overdue task, to the district), HANDED_OVER (to the colleague a
 * task was handed over to), CALENDAR_MISSING (to an administrator: next year's holidays are not entered; no task or
 * household, {@code dueOn} the first day of that year). Addressed to a group or a person; nobody is told of
 * what they did themselves.
 */
public record Notification(long id, String recipient, Kind kind, String taskId, Long householdId, String headName,
        String taskKey, LocalDate dueOn, Instant createdAt, boolean read) {

    public enum Kind {
        NEW_TASK, DUE_SOON, OVERDUE, ESCALATED, HANDED_OVER, CALENDAR_MISSING
    }
}
