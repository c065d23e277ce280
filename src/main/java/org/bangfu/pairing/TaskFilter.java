package org.bangfu.pairing;

import java.time.LocalDate;

/**
 * Which tasks a list shows. {@code view}: MINE (assigned to me), GROUP (my groups', claimed or not),
 * UNCLAIMED (my groups', nobody has it), ALL (every task of the households I may see, whoever's step it is).
 * {@code streetId} and {@code teamId}: the household's street and team.
 */
public record TaskFilter(View view, String taskKey, Long streetId, Long teamId, String headName, LocalDate dueFrom,
        LocalDate dueTo) {

    public enum View {
        MINE, GROUP, UNCLAIMED, ALL
    }

    public static TaskFilter of(View view) {
        return new TaskFilter(view, null, null, null, null, null, null);
    }

    /** Sort orders a list offers; due date first by default. */
    public enum Sort {
        DUE("t.due_on, t.task_id"), DUE_DESC("t.due_on desc, t.task_id desc"), CREATED("t.created_at, t.task_id"),
        CREATED_DESC("t.created_at desc, t.task_id desc"), HEAD("h.head_name, t.task_id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }
}
