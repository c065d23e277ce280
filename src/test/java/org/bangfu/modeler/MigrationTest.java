package org.bangfu.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bangfu.modeler.Migration.Case;
import org.bangfu.modeler.ModelEntry.Version;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Version 1 to 2 of the pairing process with the demo's cases at every step they wait at: the plan maps each step,
 * nothing moves until asked, the chosen cases move as a batch with their tasks and history; then a version that
 * renames a step's id leaves the case at that step where it is, listed with the reason.
 */
@SpringBootTest
class MigrationTest {

    private static final String KEY = "AssistancePairingProcess";

    @Autowired
    Modeler modeler;

    @Autowired
    Migrations migrations;

    @Autowired
    ProcessEngine engine;

    @Autowired
    UserDetailsService users;

    private Version deploy(java.util.function.UnaryOperator<String> change, String reason) {
        RunAs as = new RunAs(users);
        Draft draft = as.call("admin", () -> {
            Draft d = modeler.startDraft(modeler.entry(KEY).live().definitionId());
            return modeler.save(d.id(), d.rowVersion(), change.apply(d.content()), null);
        });
        Draft proposed = as.call("admin", () -> modeler.propose(draft.id(), draft.rowVersion(), reason));
        as.call("admin2", () -> modeler.approve(proposed.id(), proposed.rowVersion()));
        return as.call("admin", () -> modeler.entry(KEY).live());
    }

    @Test
    void theCasesAtEveryStepOfVersionOneMoveToVersionTwoWithTheirTasksAndHistory() throws InterruptedException {
        RunAs as = new RunAs(users);
        Version v1 = as.call("admin", () -> modeler.entry(KEY).live());
        List<ProcessInstance> cases = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionId(v1.definitionId()).list();
        Set<String> stepsWithCases = new TreeSet<>(as.call("admin", () -> modeler.runningPerStep(v1.definitionId())).keySet());
        assertThat(stepsWithCases).as("the demo's cases wait at many steps").hasSizeGreaterThanOrEqualTo(6);
        Map<String, Long> history = new HashMap<>();
        Map<String, String> tasks = new HashMap<>();
        for (ProcessInstance c : cases) {
            history.put(c.getId(), engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(c.getId()).count());
            engine.getTaskService().createTaskQuery().processInstanceId(c.getId()).list()
                    .forEach(t -> tasks.put(t.getId(), t.getTaskDefinitionKey()));
        }

        Version v2 = deploy(xml -> xml.replace("name=\"入户核查\"", "name=\"入户核查（两人以上）\""), "入户核查须两人以上");
        assertThat(v2.version()).isEqualTo(v1.version() + 1);

        Migration plan = as.call("admin", () -> migrations.plan(v1.definitionId(), v2.definitionId()));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.staying()).isEmpty();
        assertThat(plan.movable()).extracting(Case::processInstanceId)
                .containsExactlyInAnyOrderElementsOf(cases.stream().map(ProcessInstance::getId).toList());
        assertThat(plan.movable()).allSatisfy(c -> assertThat(c.householdName()).isNotBlank());
        assertThat(plan.steps()).extracting(Migration.Step::sourceStepId).containsAll(stepsWithCases);
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.targetStepId()).isEqualTo(s.sourceStepId()));
        assertThat(plan.steps()).filteredOn(s -> s.sourceStepId().equals("Task_HomeCheck"))
                .allSatisfy(s -> assertThat(s.targetStepName()).isEqualTo("入户核查（两人以上）"));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.definitionId()).count())
                .as("nothing moves before the administrator asks").isZero();

        List<String> ids = cases.stream().map(ProcessInstance::getId).toList();
        assertThatThrownBy(() -> as.call("admin", () -> migrations.migrate(v1.definitionId(), v2.definitionId(),
                List.of("no-such-case")))).isInstanceOf(ModelChangeRefused.class);
        String batch = as.call("admin", () -> migrations.migrate(v1.definitionId(), v2.definitionId(), ids));
        Migration.Progress progress = awaitDone(batch, v1.definitionId(), ids);
        assertThat(progress.stillOnSource()).isZero();

        for (ProcessInstance c : cases) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                    .getProcessDefinitionId()).isEqualTo(v2.definitionId());
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(c.getId())
                    .count()).as("history of " + c.getBusinessKey()).isEqualTo(history.get(c.getId()));
        }
        for (Map.Entry<String, String> task : tasks.entrySet()) {
            Task moved = engine.getTaskService().createTaskQuery().taskId(task.getKey()).singleResult();
            assertThat(moved.getTaskDefinitionKey()).isEqualTo(task.getValue());
            assertThat(moved.getProcessDefinitionId()).isEqualTo(v2.definitionId());
        }

        // a step whose id changes has no counterpart: its case stays, listed with the step
        Version v3 = deploy(xml -> xml.replace("Task_HomeCheck", "Task_HomeVisit"), "入户核查改为入户走访");
        Migration toThree = as.call("admin", () -> migrations.plan(v2.definitionId(), v3.definitionId()));
        assertThat(toThree.problems()).isEmpty();
        assertThat(toThree.steps()).filteredOn(s -> s.sourceStepId().equals("Task_HomeCheck"))
                .allSatisfy(s -> assertThat(s.targetStepId()).isNull());
        List<String> atHomeCheck = engine.getTaskService().createTaskQuery().processDefinitionId(v2.definitionId())
                .taskDefinitionKey("Task_HomeCheck").list().stream().map(Task::getProcessInstanceId).toList();
        assertThat(toThree.staying()).extracting(Case::processInstanceId).containsExactlyInAnyOrderElementsOf(atHomeCheck);
        assertThat(toThree.staying()).allSatisfy(c -> assertThat(c.steps()).containsExactly("入户核查（两人以上）"));
        if (!atHomeCheck.isEmpty()) {
            assertThatThrownBy(() -> as.call("admin", () -> migrations.migrate(v2.definitionId(), v3.definitionId(),
                    atHomeCheck))).isInstanceOf(ModelChangeRefused.class).hasMessage("modeler.migration.notMovable");
        }
    }

    private Migration.Progress awaitDone(String batch, String source, List<String> ids) throws InterruptedException {
        RunAs as = new RunAs(users);
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            Migration.Progress progress = as.call("admin", () -> migrations.progress(batch, source, ids));
            if (progress.done()) {
                return progress;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the migration batch did not finish");
    }
}
