package org.bangfu.pairing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bangfu.calendar.WorkingDays;
import org.bangfu.comparison.Comparisons;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdScope;
import org.bangfu.household.Households;
import org.bangfu.organisation.UserAccounts;
import org.bangfu.pairing.TaskFilter.Sort;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.shared.Where;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.StepPrefill;
import org.bangfu.tasks.TaskForms;
import org.bangfu.tasks.TaskStep;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bangfu's task service: "my tasks" and "my group's tasks" with the household's columns, filtered, sorted
 * and paged on Bangfu's task mirror joined to Camunda's ACT_RU_TASK by id (never on process variables), and
 * claiming and completing tasks. Scopes apply on every path: a task about a household outside the caller's
 * scope does not exist for them; only members of the task's candidate group may claim or complete it.
 */
@Service
public class PairingTasks {

    private static final String FROM = """
              from bf_task t
              join ACT_RU_TASK rt on rt.ID_ = t.task_id
              join bf_household h on h.id = t.household_id
              join bf_street s on s.id = h.street_id
              join bf_village v on v.id = h.village_id
            """;

    /** A task list's lines ({@link #row}), before the conditions. */
    private static final String ROWS = """
            select t.task_id, t.task_key, rt.NAME_, t.case_id, h.id, h.head_name, v.name, s.name,
                   t.candidate_group, t.assignee, t.created_at, t.due_on
            """ + FROM + " where ";

    /** The most tasks one bulk action takes. */
    public static final int BULK_LIMIT = 200;

    /** The context's entry listing the attachment ids the case's steps recorded. */
    public static final String CASE_ATTACHMENTS = "caseAttachments";
    /** The context's entry with what other modules recorded for the step's fields ({@link StepPrefill}). */
    public static final String PREFILL = "prefill";

    private final JdbcClient jdbc;
    private final TaskService taskService;
    private final HistoryService history;
    private final Households households;
    private final Comparisons comparisons;
    private final Notices notices;
    private final TeamCaseloads caseloads;
    private final StepForms forms;
    private final Cases cases;
    private final PairingSettings settings;
    private final UserAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final WorkingDays workingDays;
    private final List<StepPrefill> prefills;
    /** BPMN XML per process definition id: a deployed definition never changes. */
    private final Map<String, String> models = new ConcurrentHashMap<>();

    PairingTasks(JdbcClient jdbc, TaskService taskService, HistoryService history, RuntimeService runtime,
            RepositoryService repository, Households households, Comparisons comparisons, Notices notices,
            TeamCaseloads caseloads, StepForms forms, Cases cases, PairingSettings settings, UserAccounts accounts,
            PlatformTransactionManager transactionManager, Clock clock, WorkingDays workingDays,
            List<StepPrefill> prefills) {
        this.prefills = prefills;
        this.workingDays = workingDays;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.households = households;
        this.comparisons = comparisons;
        this.notices = notices;
        this.caseloads = caseloads;
        this.forms = forms;
        this.cases = cases;
        this.settings = settings;
    }

    /** The candidate groups a person belongs to: their street's officers, their team, or the district. */
    public static List<String> groups(SignedInUser user) {
        return groups(user.role(), user.streetId(), user.teamId());
    }

    static List<String> groups(Role role, Long streetId, Long teamId) {
        return switch (role) {
            case STREET -> streetId == null ? List.of() : List.of(PairingVariables.streetGroup(streetId));
            case TEAM_MEMBER -> teamId == null ? List.of() : List.of(PairingVariables.teamGroup(teamId));
            case TEAM_LEADER -> teamId == null ? List.of()
                    : List.of(PairingVariables.teamGroup(teamId), PairingVariables.teamLeaderGroup(teamId));
            case DISTRICT -> List.of(PairingVariables.DISTRICT_GROUP);
            default -> List.of();
        };
    }

    // ---- lists ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<TaskRow> list(TaskFilter filter, Sort sort, int offset, int limit) {
        Where where = where(filter);
        return jdbc.sql(ROWS + where.sql() + " order by " + (sort == null ? Sort.DUE : sort).orderBy
                + " offset ? rows fetch next ? rows only")
                .params(where.paramsThen(Math.max(0, offset), Math.max(1, Math.min(limit, 500)))).query(PairingTasks::row).stream().map(this::dated).toList();
    }

    /**
     * How many tasks a list holds. Counts the mirror alone with the household for the scope and filters: its
     * rows are exactly the open tasks, written in the engine's own transaction.
     */
    @Transactional(readOnly = true)
    public int count(TaskFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from bf_task t join bf_household h on h.id = t.household_id where "
                + where.sql()).params(where.params()).query(Integer.class).single();
    }

    private Where where(TaskFilter filter) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        Where where = Where.of(scope.condition(), scope.parameters());
        switch (filter.view()) {
            case MINE -> where.and("t.assignee = ?", user.getUsername());
            case GROUP, UNCLAIMED -> {
                where.andIn("t.candidate_group", groups(user));
                if (filter.view() == TaskFilter.View.UNCLAIMED) {
                    where.and("t.assignee is null");
                }
            }
            case ALL -> {
            }
        }
        where.andIfGiven("t.task_key = ?", filter.taskKey())
                .andIfGiven("h.street_id = ?", filter.streetId())
                .andIfGiven("h.team_id = ?", filter.teamId())
                .andIfGiven("t.due_on >= ?", filter.dueFrom())
                .andIfGiven("t.due_on <= ?", filter.dueTo());
        if (filter.headName() != null && !filter.headName().isBlank()) {
            where.and("h.head_name like ?", Where.startingWith(filter.headName().trim()));
        }
        return where;
    }

    /** The open tasks of one household the caller may see (a household's page shows where its case stands). */
    @Transactional(readOnly = true)
    public List<TaskRow> ofHousehold(long householdId) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(householdId);
        return jdbc.sql(ROWS + scope.condition() + " and h.id = ? order by t.created_at")
                .params(params).query(PairingTasks::row).stream().map(this::dated).toList();
    }

    /** The steps a task list can be filtered by, in the order a household meets them. */
    public List<String> stepKeys() {
        return forms.keys();
    }

    /** Whether the caller may work a task of this group. */
    public static boolean isMember(SignedInUser user, String group) {
        return groups(user).contains(group);
    }

    /**
     * Whether the caller may claim and complete a task of this group held by {@code assignee} (none: unclaimed).
     * Screens offer a task's 办理 only where this holds; to anyone else the task is for reading.
     */
    public static boolean mayWork(SignedInUser user, String candidateGroup, String assignee) {
        return isMember(user, candidateGroup) && (assignee == null || assignee.equals(user.getUsername()));
    }

    // ---- one task ------------------------------------------------------------------------------------

    /** A task the caller may see, with its form, its household and what its step needs to show. */
    @Transactional(readOnly = true)
    public Optional<TaskDetail> find(String taskId) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(taskId);
        Optional<TaskRow> row = jdbc.sql(ROWS + scope.condition() + " and t.task_id = ?")
                .params(params).query(PairingTasks::row).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        TaskRow task = dated(row.get());
        HouseholdFile household = households.find(task.householdId()).orElseThrow();
        boolean actionable = mayWork(user, task.candidateGroup(), task.assignee());
        Map<String, Object> context = new LinkedHashMap<>(context(task));
        if (context.get("notice") instanceof Notice notice) {
            task = task.withCalendarMissing(Stream.concat(task.calendarMissing().stream(),
                    noticeCalendarMissing(notice).stream()).distinct().sorted().toList());
        }
        List<CaseStep> steps = cases.steps(task.caseId());
        context.put(CASE_ATTACHMENTS, attachmentsOf(steps));
        return Optional.of(new TaskDetail(task, forms.fields(task.taskKey()), household, steps, context, actionable));
    }

    /**
     * What the steps so far attached to the case (the home check's photos): the household's attachment ids in the
     * photo fields of their forms, so that every later step has them among its materials.
     */
    private List<Long> attachmentsOf(List<CaseStep> steps) {
        List<String> known = forms.keys();
        return steps.stream().filter(step -> known.contains(step.taskKey()))
                .flatMap(step -> forms.fields(step.taskKey()).stream()
                        .filter(field -> field.type() == FormField.Type.PHOTOS)
                        .map(field -> step.data().get(field.name())))
                .filter(List.class::isInstance).flatMap(ids -> ((List<?>) ids).stream())
                .map(String::valueOf).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    /**
     * Where the task's case stands, as diagrams: the case's process (the call highlighted while a notice runs),
     * then the called process the task belongs to, if any. Empty for a task the caller may not see.
     */
    @Transactional(readOnly = true)
    public List<CaseDiagram> diagrams(String taskId) {
        SignedInUser user = CurrentUser.require();
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(taskId);
        Optional<String> caseInstance = jdbc.sql("select c.process_instance_id " + FROM
                + " join bf_pairing_case c on c.id = t.case_id where " + scope.condition() + " and t.task_id = ?")
                .params(params).query(String.class).optional();
        if (caseInstance.isEmpty()) {
            return List.of();
        }
        String taskInstance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        List<CaseDiagram> diagrams = new ArrayList<>();
        // a fund release runs after its case has ended: then only the release's own diagram
        if (runtime.createProcessInstanceQuery().processInstanceId(caseInstance.get()).count() > 0) {
            diagrams.add(diagram(caseInstance.get()));
        }
        if (!taskInstance.equals(caseInstance.get())) {
            diagrams.add(diagram(taskInstance));
        }
        return diagrams;
    }

    private CaseDiagram diagram(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        String definitionId = instance.getProcessDefinitionId();
        String xml = models.computeIfAbsent(definitionId, id -> {
            try (InputStream model = repository.getProcessModel(id)) {
                return new String(model.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> current = runtime.getActiveActivityIds(processInstanceId);
        List<String> done = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .finished().list().stream().map(HistoricActivityInstance::getActivityId).distinct()
                .filter(id -> !current.contains(id)).toList();
        return new CaseDiagram(repository.getProcessDefinition(definitionId).getKey(), xml, current, done);
    }

    private Map<String, Object> context(TaskRow task) {
        Map<String, Object> context = new LinkedHashMap<>();
        TaskStep step = step(task.taskId(), task.taskKey(), task.caseId(), task.householdId(),
                CurrentUser.require().getUsername());
        Map<String, Object> variables = step.variables();
        TaskForms other = forms.extension(task.taskKey());
        if (other != null) {
            return other.context(step);
        }
        Map<String, Object> prefill = new LinkedHashMap<>();
        prefills.forEach(known -> prefill.putAll(known.values(step)));
        if (!prefill.isEmpty()) {
            context.put(PREFILL, prefill);
        }
        switch (task.taskKey()) {
            case PairingVariables.FIRST_REVIEW, PairingVariables.SECOND_REVIEW -> {
                PairingSettings.Quorum rule = settings
                        .review(task.taskKey().equals(PairingVariables.FIRST_REVIEW) ? "FIRST" : "SECOND");
                context.put("quorum", rule);
            }
            default -> {
            }
        }
        Object reportId = variables.get(PairingVariables.COMPARISON_REPORT_ID);
        if (reportId instanceof Long id) {
            comparisons.report(id).ifPresent(report -> {
                context.put("comparisonReportId", report.id());
                context.put("warnings", report.warnings().size());
                context.put("openWarnings", report.openWarnings());
                context.put("excludesHousehold", report.excludesHousehold());
            });
        }
        if (variables.get(PairingVariables.NOTICE_ID) instanceof Long noticeId) {
            notices.find(noticeId).ifPresent(notice -> {
                context.put("notice", notice);
                context.put("objections", notices.objections(noticeId));
            });
        }
        if (task.taskKey().equals(PairingVariables.CONFIRM_TEAM)) {
            context.put("proposedTeamId", variables.get(PairingVariables.PROPOSED_TEAM_ID));
            context.put("teams", caseloads.all());
        }
        return context;
    }

    // ---- acting on a task ----------------------------------------------------------------------------

    /** Takes the task; someone else holding it is a conflict. */
    @Transactional
    public void claim(String taskId) {
        SignedInUser user = CurrentUser.require();
        Mirrored task = lockForAction(user, taskId);
        if (task.assignee() != null && !task.assignee().equals(user.getUsername())) {
            throw new TaskConflict("task.claimedByOther", task.assignee());
        }
        if (task.assignee() == null) {
            taskService.setAssignee(taskId, user.getUsername());
        }
    }

    /**
     * The enabled accounts of the caller's task group other than the caller: those a task can be handed over to.
     */
    @Transactional(readOnly = true)
    public List<Colleague> colleagues() {
        SignedInUser user = CurrentUser.require();
        List<String> mine = groups(user);
        return memberRoles(user.role()).stream().flatMap(role -> accounts.withRole(role).stream())
                .filter(a -> !a.username().equals(user.getUsername()))
                .filter(a -> groups(a.role(), a.streetId(), a.teamId()).stream().anyMatch(mine::contains))
                .map(a -> new Colleague(a.username(), a.displayName())).toList();
    }

    private static List<Role> memberRoles(Role role) {
        return switch (role) {
            case STREET -> List.of(Role.STREET);
            case TEAM_MEMBER, TEAM_LEADER -> List.of(Role.TEAM_LEADER, Role.TEAM_MEMBER);
            case DISTRICT -> List.of(Role.DISTRICT);
            default -> List.of();
        };
    }

    /**
     * Hands the task over to a colleague of its group, who is told. The caller must hold it or it must be
     * unclaimed; the colleague must be an enabled member of the caller's group.
     */
    @Transactional
    public void handOver(String taskId, String colleague) {
        requireColleague(colleague);
        handOverTo(taskId, colleague);
    }

    /** Hands over to someone already known to be a colleague. */
    private void handOverTo(String taskId, String colleague) {
        SignedInUser user = CurrentUser.require();
        Mirrored task = lockForAction(user, taskId);
        if (task.assignee() != null && !task.assignee().equals(user.getUsername())) {
            throw new TaskConflict("task.claimedByOther", task.assignee());
        }
        // a colleague of the caller may still be outside this task's group (a leaders' approval, a member)
        boolean member = accounts.find(colleague)
                .map(a -> groups(a.role(), a.streetId(), a.teamId()).contains(task.group())).orElse(false);
        if (!member) {
            throw new InvalidInput(List.of(new FieldError("assignee", "task.handOver.notColleague")));
        }
        taskService.setAssignee(taskId, colleague);
        jdbc.sql("""
                insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at)
                select ?, 'HANDED_OVER', task_id, household_id, task_key, due_on, ? from bf_task where task_id = ?""")
                .params(Notifications.person(colleague), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), taskId)
                .update();
    }

    private void requireColleague(String colleague) {
        if (colleague == null || colleagues().stream().noneMatch(c -> c.username().equals(colleague))) {
            throw new InvalidInput(List.of(new FieldError("assignee", "task.handOver.notColleague")));
        }
    }

    /** Claims each of these tasks in its own transaction; those taken meanwhile or gone are reported, not fatal. */
    public BulkResult claimAll(List<String> taskIds) {
        return each(taskIds, this::claim);
    }

    /** Hands each of these tasks over to the colleague, each in its own transaction. */
    public BulkResult handOverAll(List<String> taskIds, String colleague) {
        requireColleague(colleague);
        return each(taskIds, id -> handOverTo(id, colleague));
    }

    private BulkResult each(List<String> taskIds, Consumer<String> action) {
        CurrentUser.require();
        List<String> distinct = taskIds == null ? List.of() : taskIds.stream().distinct().toList();
        if (distinct.size() > BULK_LIMIT) {
            throw new InvalidInput(List.of(new FieldError("taskIds", "task.bulk.tooMany", BULK_LIMIT)));
        }
        int done = 0;
        List<BulkResult.Failure> failed = new ArrayList<>();
        for (String taskId : distinct) {
            try {
                transactions.executeWithoutResult(status -> action.accept(taskId));
                done++;
            } catch (TaskConflict conflict) {
                failed.add(new BulkResult.Failure(taskId, conflict.messageKey(), List.of(conflict.arguments())));
            } catch (PairingNotFound | AccessDeniedException notTheirs) {
                failed.add(new BulkResult.Failure(taskId, "api.pairing.notFound", List.of()));
            } catch (InvalidInput notForThem) {
                failed.add(new BulkResult.Failure(taskId, notForThem.errors().get(0).messageKey(), List.of()));
            }
        }
        return new BulkResult(done, failed);
    }

    /** Gives the task back to the group; only its holder may. */
    @Transactional
    public void unclaim(String taskId) {
        SignedInUser user = CurrentUser.require();
        Mirrored task = lockForAction(user, taskId);
        if (task.assignee() != null && !task.assignee().equals(user.getUsername())) {
            throw new TaskConflict("task.claimedByOther", task.assignee());
        }
        if (task.assignee() != null) {
            taskService.setAssignee(taskId, null);
        }
    }

    /**
     * Completes the task with its form's data, validated by the step's rules; invalid data changes nothing.
     * A task completed meanwhile by someone else is a conflict, also when both submit at the same moment: the
     * task's row is locked until the engine has moved on.
     */
    @Transactional
    public void complete(String taskId, Map<String, Object> data) {
        SignedInUser user = CurrentUser.require();
        Mirrored task = lockForAction(user, taskId);
        if (task.assignee() != null && !task.assignee().equals(user.getUsername())) {
            throw new TaskConflict("task.claimedByOther", task.assignee());
        }
        TaskStep step = step(taskId, task.taskKey(), task.caseId(), task.householdId(), user.getUsername());
        StepOutcome outcome = forms.submit(step, data);
        if (PairingVariables.FAIL.equals(outcome.decision())) {
            outcome.variables().put(PairingVariables.REJECTION_REASON, outcome.reason());
            outcome.variables().put(PairingVariables.REJECTED_AT, task.taskKey());
        }
        cases.recordStep(task.caseId(), taskId, task.taskKey(), user.getUsername(), outcome.decision(),
                outcome.reason(), outcome.values());
        if (task.assignee() == null) {
            taskService.setAssignee(taskId, user.getUsername());
        }
        taskService.complete(taskId, outcome.variables());
    }

    /** The step a form works on, with what the engine knows of its task. */
    private TaskStep step(String taskId, String taskKey, long caseId, long householdId, String username) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return new TaskStep(taskId, taskKey, caseId, householdId, task.getProcessInstanceId(),
                task.getCreateTime().toInstant(), username, taskService.getVariables(taskId));
    }

    private record Mirrored(String taskId, long caseId, long householdId, String taskKey, String group,
            String assignee) {
    }

    /** The task's row, locked; not found outside the caller's scope; denied outside their groups. */
    private Mirrored lockForAction(SignedInUser user, String taskId) {
        if (taskId == null || taskId.isBlank()) {
            // the engine's queries read a missing id as "any task"
            throw new PairingNotFound("task " + taskId);
        }
        Optional<Mirrored> locked = jdbc.sql("""
                select task_id, case_id, household_id, task_key, candidate_group, assignee
                  from bf_task where task_id = ? for update""")
                .param(taskId)
                .query((rs, n) -> new Mirrored(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
        if (locked.isEmpty()) {
            var done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
            if (done != null && visible(user, householdOf(done.getProcessInstanceId()))) {
                throw new TaskConflict("task.alreadyDone");
            }
            throw new PairingNotFound("task " + taskId);
        }
        Mirrored task = locked.get();
        if (!visible(user, task.householdId())) {
            throw new PairingNotFound("task " + taskId);
        }
        if (!groups(user).contains(task.group())) {
            throw new AccessDeniedException("not a member of " + task.group());
        }
        return task;
    }

    private Long householdOf(String processInstanceId) {
        var variable = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(PairingVariables.HOUSEHOLD_ID).singleResult();
        return variable == null ? null : (Long) variable.getValue();
    }

    private boolean visible(SignedInUser user, Long householdId) {
        if (householdId == null) {
            return false;
        }
        HouseholdScope scope = HouseholdScope.of(user);
        List<Object> params = new ArrayList<>(scope.parameters());
        params.add(householdId);
        return jdbc.sql("select count(*) from bf_household h where " + scope.condition() + " and h.id = ?")
                .params(params).query(Integer.class).single() > 0;
    }

    /** The years without holiday entries the task's due date was counted across, from the day it was created. */
    private TaskRow dated(TaskRow task) {
        LocalDate created = LocalDate.ofInstant(task.createdAt(), clock.getZone());
        return task.withCalendarMissing(workingDays.yearsWithoutEntries(created, task.dueOn()));
    }

    /** The same for a notice's period: as posted, or, before it is posted, as it would run from today. */
    private List<Integer> noticeCalendarMissing(Notice notice) {
        if (notice.postedOn() != null && notice.periodEnd() != null) {
            return workingDays.yearsWithoutEntries(notice.postedOn(), notice.periodEnd());
        }
        LocalDate today = LocalDate.now(clock);
        return workingDays.yearsWithoutEntries(today, workingDays.plus(today, notice.periodDays()));
    }

    private static TaskRow row(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                Households.fileNo(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getObject(12, LocalDate.class),
                List.of());
    }
}
