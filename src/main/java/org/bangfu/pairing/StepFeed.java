package org.bangfu.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the task list tells others about waiting steps: {@link StepOpened} and {@link StepClosed} as the engine
 * creates and ends user tasks, and every step waiting now again for a read model that is rebuilt.
 */
@Service
public class StepFeed {

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;

    /** The engine is built with the task mirror, which publishes through this feed: its task service comes later. */
    StepFeed(JdbcClient jdbc, @Lazy TaskService tasks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.events = events;
    }

    /** The key of the process a definition id ({@code Key:version:id}) belongs to. */
    static String processKey(String processDefinitionId) {
        return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
    }

    /** Every step waiting now, oldest first (the district, an administrator or the system account). */
    @Transactional
    public void replay(Consumer<StepOpened> steps) {
        CurrentUser.requireRole(Role.DISTRICT, Role.ADMIN);
        // rows mirrored before the task list kept the process: the engine still knows it
        for (String taskId : jdbc.sql("select task_id from bf_task where process_key is null").query(String.class).list()) {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task != null) {
                jdbc.sql("update bf_task set process_key = ? where task_id = ?")
                        .params(processKey(task.getProcessDefinitionId()), taskId).update();
            }
        }
        jdbc.sql("""
                select task_id, process_key, task_key, household_id, created_at, due_on from bf_task
                 where process_key is not null order by created_at, task_id""")
                .query((rs, n) -> new StepOpened(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, LocalDate.class)))
                .stream().forEach(steps);
    }

    void opened(StepOpened step) {
        events.publishEvent(step);
    }

    void closed(String taskId) {
        events.publishEvent(new StepClosed(taskId));
    }
}
