package org.bangfu.funds;

import java.time.Instant;

import org.bangfu.shared.Money;

/**
 * A request waiting for the district's approval (or its second approval), with the task that decides it;
 * {@code actionable}: the caller may work that task (leadership reads the queue but decides nothing).
 */
public record PendingApproval(String taskId, String taskKey, long requestId, long householdId, String fileNo,
        String headName, String teamName, Money amount, String purpose, String measure, int round,
        String requestedBy, Instant requestedAt, String assignee, boolean actionable) {
}
