package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A step of a household's case is waiting for someone (a user task was created): of which process, which step,
 * since when and due by when (in working days). Published in the engine's transaction, with the task list's row.
 */
public record StepOpened(String taskId, String processKey, String taskKey, long householdId, Instant createdAt,
        LocalDate dueOn) {
}
