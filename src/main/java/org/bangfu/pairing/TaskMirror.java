package org.bangfu.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bangfu.calendar.WorkingDays;
import org.bangfu.shared.InvalidInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code bf_task} in step with the engine's open user tasks, inside the engine's own transaction: one
 * row per task with its case, household, candidate group, assignee and due date in working days. Task lists
 * read it joined to ACT_RU_TASK by id. Registered on every user task of every process as a built-in listener
 * (it also runs when custom listeners are skipped); tasks of processes without a case are left alone. A case's task
 * completed without its form (in Camunda's REST API or Tasklist) is refused.
 */
@Component("taskMirror")
class TaskMirror implements TaskListener {

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final PairingSettings settings;
    private final StepFeed feed;
    private final Clock clock;

    TaskMirror(JdbcClient jdbc, WorkingDays workingDays, PairingSettings settings, StepFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.settings = settings;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_ASSIGNMENT -> jdbc.sql("update bf_task set assignee = ? where task_id = ?")
                    .params(task.getAssignee(), task.getId()).update();
            case EVENTNAME_COMPLETE -> {
                if (jdbc.sql("delete from bf_task where task_id = ?").param(task.getId()).update() > 0) {
                    // a case's step is completed through its form only (the task service records it first), so
                    // that its rules hold also where Camunda's REST API or Tasklist would complete it without them
                    if (jdbc.sql("select count(*) from bf_case_step where task_id = ?").param(task.getId())
                            .query(Integer.class).single() == 0) {
                        throw new InvalidInput("task", "task.formRequired");
                    }
                    feed.closed(task.getId());
                }
            }
            case EVENTNAME_DELETE -> {
                if (jdbc.sql("delete from bf_task where task_id = ?").param(task.getId()).update() > 0) {
                    feed.closed(task.getId());
                }
            }
            default -> {
            }
        }
    }

    private void created(DelegateTask task) {
        Object caseId = task.getVariable(PairingVariables.CASE_ID);
        Object householdId = task.getVariable(PairingVariables.HOUSEHOLD_ID);
        if (!(caseId instanceof Long) || !(householdId instanceof Long)) {
            return;
        }
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(PairingVariables.DISTRICT_GROUP);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = workingDays.plus(today, settings.dueDays(task.getTaskDefinitionKey()));
        task.setDueDate(Date.from(due.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String processKey = StepFeed.processKey(task.getProcessDefinitionId());
        jdbc.sql("""
                insert into bf_task (task_id, case_id, household_id, process_key, task_key, candidate_group, assignee,
                    created_at, due_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(task.getId(), caseId, householdId, processKey, task.getTaskDefinitionKey(), group,
                        task.getAssignee(), now, due)
                .update();
        feed.opened(new StepOpened(task.getId(), processKey, task.getTaskDefinitionKey(), (Long) householdId,
                now.toInstant(), due));
        jdbc.sql("""
                insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at, actor)
                values (?, 'NEW_TASK', ?, ?, ?, ?, ?, ?)""")
                .params(group, task.getId(), householdId, task.getTaskDefinitionKey(), due, now, Notifications.actor())
                .update();
    }

    /** Adds the mirror to every user task the engine parses. */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {

        private final TaskMirror mirror;

        Plugin(TaskMirror mirror) {
            this.mirror = mirror;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration
                    .getCustomPostBPMNParseListeners() == null ? new java.util.ArrayList<>()
                            : configuration.getCustomPostBPMNParseListeners();
            listeners.add(new AbstractBpmnParseListener() {
                @Override
                public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                            .getTaskDefinition();
                    for (String event : List.of(EVENTNAME_CREATE, EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE,
                            EVENTNAME_DELETE)) {
                        definition.addBuiltInTaskListener(event, mirror);
                    }
                }
            });
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
    }
}
