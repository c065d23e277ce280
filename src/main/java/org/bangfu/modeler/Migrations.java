package org.bangfu.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.modeler.Migration.Case;
import org.bangfu.modeler.Migration.ImpactedStep;
import org.bangfu.modeler.Migration.Progress;
import org.bangfu.modeler.Migration.Step;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running cases and changed processes: which cases sit at steps a change alters or removes (before deploying), and
 * moving cases from one version to another with Camunda's migration API, only when an administrator chooses: the plan
 * maps each step to the step of the same id, is validated by the engine, shown step by step, and run as a batch;
 * cases at steps without a counterpart stay on their version and are listed. Administrators only.
 */
@Service
public class Migrations {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final Modeler modeler;
    private final Households households;
    private final AuditLog auditLog;

    Migrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
            HistoryService history, Modeler modeler, Households households, AuditLog auditLog) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.modeler = modeler;
        this.households = households;
        this.auditLog = auditLog;
    }

    /** The running cases (of every version) at steps this XML changes or removes compared with the live version. */
    @Transactional(readOnly = true)
    public Migration.Impact impact(long draftId, String xml) {
        CurrentUser.requireRole(Role.ADMIN);
        Draft draft = modeler.draft(draftId);
        if (draft.kind() != ModelKind.BPMN) {
            return new Migration.Impact(List.of());
        }
        ModelDiff diff = modeler.compareWithLive(draftId, xml);
        Map<String, ModelDiff.Change> touched = new HashMap<>();
        diff.changes().stream().filter(c -> c.kind() != ModelDiff.Kind.ADDED).forEach(c -> touched.put(c.elementId(), c));
        List<ImpactedStep> steps = new ArrayList<>();
        for (ProcessDefinition version : repository.createProcessDefinitionQuery()
                .processDefinitionKey(draft.definitionKey()).orderByProcessDefinitionVersion().desc().list()) {
            for (ActivityStatistics s : management.createActivityStatisticsQuery(version.getId()).list()) {
                ModelDiff.Change change = touched.get(s.getId());
                if (change != null && s.getInstances() > 0) {
                    steps.add(new ImpactedStep(s.getId(), change.name(), change.kind(), version.getVersion(),
                            s.getInstances()));
                }
            }
        }
        return new Migration.Impact(steps);
    }

    /** The plan to move the cases of one version to another, validated, with the cases that can and cannot move. */
    @Transactional(readOnly = true)
    public Migration plan(String sourceId, String targetId) {
        CurrentUser.requireRole(Role.ADMIN);
        ProcessDefinition source = definition(sourceId);
        ProcessDefinition target = definition(targetId);
        if (!source.getKey().equals(target.getKey())) {
            throw new ModelChangeRefused("modeler.migration.otherProcess");
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> mapped = new LinkedHashMap<>();
        try {
            for (MigrationInstruction i : build(sourceId, targetId).getInstructions()) {
                mapped.put(i.getSourceActivityId(), i.getTargetActivityId());
            }
        } catch (MigrationPlanValidationException e) {
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                problems.addAll(report.getFailures());
            }
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        BpmnModelInstance from = repository.getBpmnModelInstance(sourceId);
        BpmnModelInstance to = repository.getBpmnModelInstance(targetId);
        Map<String, Long> perStep = new LinkedHashMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(sourceId).list()) {
            perStep.put(s.getId(), (long) s.getInstances());
        }
        List<Step> steps = new ArrayList<>();
        perStep.forEach((step, count) -> {
            String targetStep = mapped.get(step);
            steps.add(new Step(step, name(from, step), targetStep, targetStep == null ? null : name(to, targetStep), count));
        });
        List<Case> movable = new ArrayList<>();
        List<Case> staying = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(sourceId)
                .orderByProcessInstanceId().asc().list()) {
            Set<String> at = waitingAt(instance.getId());
            List<String> unmapped = at.stream().filter(a -> !mapped.containsKey(a)).map(a -> name(from, a)).toList();
            Case c = caseOf(instance, unmapped.isEmpty() ? at.stream().map(a -> name(from, a)).toList() : unmapped);
            (unmapped.isEmpty() && problems.isEmpty() ? movable : staying).add(c);
        }
        return new Migration(sourceId, source.getVersion(), targetId, target.getVersion(), steps, movable, staying,
                problems);
    }

    /**
     * Moves these cases (they must be among the plan's movable ones, checked again now) as a batch the job executor
     * runs; returns the batch to follow with {@link #progress}.
     */
    @Transactional
    public String migrate(String sourceId, String targetId, List<String> processInstanceIds) {
        SignedInUser user = CurrentUser.requireRole(Role.ADMIN);
        Migration plan = plan(sourceId, targetId);
        if (!plan.problems().isEmpty()) {
            throw new ModelChangeRefused("modeler.migration.invalid", String.join("; ", plan.problems()));
        }
        Set<String> movable = new LinkedHashSet<>();
        plan.movable().forEach(c -> movable.add(c.processInstanceId()));
        if (processInstanceIds.isEmpty() || !movable.containsAll(processInstanceIds)) {
            throw new ModelChangeRefused("modeler.migration.notMovable");
        }
        Batch batch = runtime.newMigration(build(sourceId, targetId)).processInstanceIds(processInstanceIds)
                .executeAsync();
        auditLog.recordWithChange(user.getUsername(), AuditAction.MODEL_MIGRATED,
                definition(sourceId).getKey() + " v" + plan.sourceVersion() + " → v" + plan.targetVersion(),
                Outcome.SUCCESS, batch.getId() + ": " + processInstanceIds.size() + " " + String.join(", ", processInstanceIds));
        return batch.getId();
    }

    @Transactional(readOnly = true)
    public Progress progress(String batchId, String sourceId, List<String> processInstanceIds) {
        CurrentUser.requireRole(Role.ADMIN);
        long still = processInstanceIds.isEmpty() ? 0 : runtime.createProcessInstanceQuery().processDefinitionId(sourceId)
                .processInstanceIds(new LinkedHashSet<>(processInstanceIds)).count();
        BatchStatistics running = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (running != null) {
            return new Progress(batchId, running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(),
                    false, still);
        }
        HistoricBatch finished = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        int total = finished == null ? processInstanceIds.size() : finished.getTotalJobs();
        return new Progress(batchId, total, total - (int) still, (int) still, true, still);
    }

    private MigrationPlan build(String sourceId, String targetId) {
        return runtime.createMigrationPlan(sourceId, targetId).mapEqualActivities().updateEventTriggers().build();
    }

    private ProcessDefinition definition(String id) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw new UnknownModel(id);
        }
        return definition;
    }

    /** The steps a case waits at: the leaves of its activity tree, and asynchronous continuations. */
    private Set<String> waitingAt(String processInstanceId) {
        Set<String> at = new LinkedHashSet<>();
        collect(runtime.getActivityInstance(processInstanceId), at);
        return at;
    }

    private static void collect(ActivityInstance instance, Set<String> at) {
        if (instance == null) {
            return;
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0
                && instance.getParentActivityInstanceId() != null) {
            at.add(instance.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, at);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            at.add(transition.getActivityId());
        }
    }

    private Case caseOf(ProcessInstance instance, List<String> steps) {
        String key = instance.getBusinessKey();
        String name = null;
        if (key != null && key.matches("BF\\d+")) {
            name = households.find(Long.parseLong(key.substring(2))).map(HouseholdFile::headName).orElse(null);
        }
        return new Case(instance.getId(), key, name, steps);
    }

    private static String name(BpmnModelInstance model, String id) {
        ModelElementInstance element = model.getModelElementById(id);
        if (element instanceof FlowElement flow && flow.getName() != null) {
            return flow.getName();
        }
        return id;
    }
}
