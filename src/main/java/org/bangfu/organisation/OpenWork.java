package org.bangfu.organisation;

import java.util.List;

/**
 * Work a person holds elsewhere in Bangfu (the pairing module's claimed tasks), which must not stay with them when
 * they move to another team or street. Organisation defines it and calls it within the move's transaction; the
 * modules that hand out work implement it, so that organisation depends on none of them.
 */
public interface OpenWork {

    /** The open tasks {@code username} holds. */
    List<OpenTask> openTasksOf(String username);

    /**
     * Hands every open task of {@code username} over to {@code colleague}, in the caller's transaction.
     *
     * @throws CannotTakeOver when the colleague may not take one of them (not a member of its group)
     */
    void handOver(String username, String colleague);

    /** One open task: its id, its step's name and the group it belongs to. */
    record OpenTask(String taskId, String name, String group) {
    }

    /** The colleague may not take this task over; nothing was handed over. */
    class CannotTakeOver extends RuntimeException {

        private final String taskName;

        public CannotTakeOver(String taskName) {
            super("the colleague may not take over " + taskName);
            this.taskName = taskName;
        }

        public String taskName() {
            return taskName;
        }
    }
}
