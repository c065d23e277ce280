package org.bangfu.pairing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.organisation.Organisation;
import org.bangfu.organisation.Team;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a paired household to another assistance team (调整帮扶小组), the district's decision. The work follows
 * the household at once: its open tasks go to the new team (claims by the old team's members are released), its
 * processes address the new team from now on (later tasks, periodic reviews), and {@link HouseholdMovedTeam} tells
 * the modules that keep figures per team.
 */
@Service
public class TeamMoves {

    /** A team assists the household in these stages: its first visit and plan, and assistance itself. */
    public static final Set<HouseholdStage> MOVABLE = Set.of(HouseholdStage.PLANNING, HouseholdStage.PAIRED);

    private static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final Households households;
    private final Organisation organisation;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamMoves(JdbcClient jdbc, Households households, Organisation organisation, RuntimeService runtime,
            TaskService taskService, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.organisation = organisation;
        this.runtime = runtime;
        this.taskService = taskService;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the household to {@code teamId} (district officers only). Refused with field errors, changing
     * nothing, when the household has no team assisting it, the team is its own or unknown, the reason is blank or
     * the date after today; {@link org.bangfu.household.StaleHousehold} when the file changed since
     * {@code expectedVersion} (null: not checked) or another move came first.
     */
    @Transactional
    public TeamMove move(long householdId, Long teamId, String reason, LocalDate decidedOn, Integer expectedVersion) {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT);
        HouseholdFile file = households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        Map<Long, Team> teams = teams();
        List<FieldError> errors = new ArrayList<>();
        if (file.teamId() == null || !MOVABLE.contains(file.stage())) {
            errors.add(new FieldError("teamId", "teamMove.notPaired"));
        } else if (teamId == null) {
            errors.add(new FieldError("teamId", "teamMove.team.required"));
        } else if (teamId.equals(file.teamId())) {
            errors.add(new FieldError("teamId", "teamMove.team.same"));
        } else if (!teams.containsKey(teamId) || !teams.get(teamId).active()) {
            errors.add(new FieldError("teamId", "teamMove.team.unknown"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "teamMove.reason.required"));
        } else if (reason.trim().length() > REASON_MAX) {
            errors.add(new FieldError("reason", "teamMove.reason.tooLong", REASON_MAX));
        }
        LocalDate today = LocalDate.now(clock);
        if (decidedOn == null) {
            errors.add(new FieldError("date", "teamMove.date.required"));
        } else if (decidedOn.isAfter(today)) {
            errors.add(new FieldError("date", "teamMove.date.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long from = file.teamId();
        long to = teamId;
        households.movedToTeam(householdId, expectedVersion, from, to, reason.trim());
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into bf_team_move (household_id, from_team_id, to_team_id, reason, decided_on, moved_by,
                    moved_by_name, moved_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(householdId, from, to, reason.trim(), decidedOn, user.getUsername(), user.displayName(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(key, "id");
        long moveId = key.getKey().longValue();
        moveWork(householdId, from, to, now);
        audit.recordWithChange(user.getUsername(), AuditAction.HOUSEHOLD_TEAM_MOVED, file.fileNo(), Outcome.SUCCESS,
                AuditText.of("audit.detail.teamMoved", teams.get(from).name(), teams.get(to).name(), decidedOn,
                        reason.trim()));
        events.publishEvent(new HouseholdMovedTeam(moveId, householdId, from, to, decidedOn, now));
        return ofHousehold(householdId).get(0);
    }

    /** The household's moves, newest first, if the caller may see the household. */
    @Transactional(readOnly = true)
    public List<TeamMove> ofHousehold(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        Map<Long, Team> teams = teams();
        Function<Long, String> name = id -> teams.containsKey(id) ? teams.get(id).name() : String.valueOf(id);
        return jdbc.sql("""
                select id, household_id, from_team_id, to_team_id, reason, decided_on, moved_by, moved_by_name, moved_at
                  from bf_team_move where household_id = ? order by id desc""")
                .param(householdId)
                .query((rs, n) -> new TeamMove(rs.getLong(1), rs.getLong(2), rs.getLong(3), name.apply(rs.getLong(3)),
                        rs.getLong(4), name.apply(rs.getLong(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The teams a household may be moved to: every active team but its own, by name. */
    @Transactional(readOnly = true)
    public List<Team> choices(HouseholdFile file) {
        return organisation.activeTeams().stream().filter(t -> file.teamId() == null || t.id() != file.teamId())
                .toList();
    }

    private Map<Long, Team> teams() {
        return organisation.teams().stream().collect(Collectors.toMap(Team::id, t -> t));
    }

    /**
     * The household's open tasks of the old team (and its leaders) go to the new one, unclaimed, and every process
     * of the household that addresses the old team addresses the new one, so its later tasks follow.
     */
    private void moveWork(long householdId, long from, long to, Instant now) {
        runtime.createProcessInstanceQuery().variableValueEquals(PairingVariables.HOUSEHOLD_ID, householdId).list()
                .forEach(instance -> {
                    if (Long.valueOf(from).equals(runtime.getVariable(instance.getId(), PairingVariables.TEAM_ID))) {
                        runtime.setVariable(instance.getId(), PairingVariables.TEAM_ID, to);
                    }
                });
        Map<String, String> groups = Map.of(PairingVariables.teamGroup(from), PairingVariables.teamGroup(to),
                PairingVariables.teamLeaderGroup(from), PairingVariables.teamLeaderGroup(to));
        record Open(String taskId, String taskKey, String group, String assignee, LocalDate dueOn) {
        }
        List<Open> open = jdbc.sql("""
                select task_id, task_key, candidate_group, assignee, due_on from bf_task where household_id = ?
                 order by task_id for update""")
                .param(householdId)
                .query((rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        for (Open task : open) {
            String group = groups.get(task.group());
            if (group == null) {
                continue;
            }
            taskService.deleteCandidateGroup(task.taskId(), task.group());
            taskService.addCandidateGroup(task.taskId(), group);
            if (task.assignee() != null) {
                taskService.setAssignee(task.taskId(), null);
            }
            jdbc.sql("update bf_task set candidate_group = ?, assignee = null where task_id = ?")
                    .params(group, task.taskId()).update();
            // the old team's notices of the task lead nowhere now; the new team is told as of a new task
            jdbc.sql("delete from bf_notification where task_id = ? and recipient = ?").params(task.taskId(), task.group())
                    .update();
            jdbc.sql("""
                    insert into bf_notification (recipient, kind, task_id, household_id, task_key, due_on, created_at,
                        actor)
                    values (?, 'NEW_TASK', ?, ?, ?, ?, ?, ?)""")
                    .params(group, task.taskId(), householdId, task.taskKey(), task.dueOn(),
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC), Notifications.actor())
                    .update();
        }
    }
}
