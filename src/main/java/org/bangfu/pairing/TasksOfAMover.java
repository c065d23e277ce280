package org.bangfu.pairing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.bangfu.organisation.OpenWork;
import org.bangfu.organisation.UserAccount;
import org.bangfu.organisation.UserAccounts;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tasks a person holds, handed over to a colleague when the security administrator moves them to another team or
 * street (organisation's {@link OpenWork}): in the move's transaction, all of them or none, each to a colleague who is
 * a member of the task's group, who is told as by any hand-over.
 */
@Component
class TasksOfAMover implements OpenWork {

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final UserAccounts accounts;
    private final Clock clock;

    TasksOfAMover(JdbcClient jdbc, TaskService taskService, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenTask> openTasksOf(String username) {
        return jdbc.sql("""
                select t.task_id, rt.NAME_, t.candidate_group
                  from bf_task t join ACT_RU_TASK rt on rt.ID_ = t.task_id
                 where t.assignee = ?
                 order by t.due_on, t.task_id""")
                .param(username)
                .query((rs, n) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void handOver(String username, String colleague) {
        // nobody claims or completes them while they change hands
        jdbc.sql("select task_id from bf_task where assignee = ? for update").param(username).query(String.class).list();
        List<OpenTask> open = openTasksOf(username);
        UserAccount taker = accounts.find(colleague).filter(UserAccount::enabled)
                .orElseThrow(() -> new CannotTakeOver(open.isEmpty() ? "" : open.get(0).name()));
        List<String> groups = PairingTasks.groups(taker.role(), taker.streetId(), taker.teamId());
        for (OpenTask task : open) {
            if (!groups.contains(task.group())) {
                throw new CannotTakeOver(task.name());
            }
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (OpenTask task : open) {
            taskService.setAssignee(task.taskId(), colleague);
            jdbc.sql("""
                    insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at)
                    select ?, 'HANDED_OVER', task_id, household_id, task_key, due_on, ? from bf_task where task_id = ?""")
                    .params(Notifications.person(colleague), now, task.taskId()).update();
        }
    }
}
