package org.bangfu.handbook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.household.Households;
import org.bangfu.pairing.HouseholdPaired;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskStep;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Periodic review (动态管理): each paired household has a {@code PeriodicReviewProcess} that brings its team back at
 * the interval its class calls for. A review is concluded on a visit recorded since it fell due; the schedule and
 * every conclusion are Bangfu's data, so that lists of households due or overdue read tables, not the engine.
 */
@Service
public class Reviews {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final FieldWorkFeed feed;
    private final Clock clock;

    Reviews(JdbcClient jdbc, RuntimeService runtime, FieldWorkFeed feed, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * A household just paired is reviewed from now on. The event publication registry keeps the pairing's event
     * until this has completed, and delivers it again on Bangfu's next start if it did not.
     */
    @ApplicationModuleListener
    void on(HouseholdPaired paired) {
        start(paired.householdId(), paired.caseId(), paired.teamId());
    }

    /**
     * Starts the household's periodic review unless one runs. Two starting at once cannot both last: the schedule
     * holds one row per household, and the second start fails on it and leaves nothing behind.
     */
    @Transactional
    public void start(long householdId, long caseId, long teamId) {
        String fileNo = Households.fileNo(householdId);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS)
                .processInstanceBusinessKey(fileNo).count() > 0) {
            return;
        }
        long streetId = jdbc.sql("select street_id from bf_household where id = ?").param(householdId)
                .query(Long.class).single();
        Map<String, Object> variables = new HashMap<>();
        variables.put(PairingVariables.HOUSEHOLD_ID, householdId);
        variables.put(PairingVariables.CASE_ID, caseId);
        variables.put(PairingVariables.STREET_ID, streetId);
        variables.put(PairingVariables.TEAM_ID, teamId);
        runtime.startProcessInstanceByKey(ReviewVariables.PROCESS, fileNo, variables);
    }

    /** Ends the household's periodic review (it left assistance); a new pairing starts a new one. */
    void stop(long householdId, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS)
                .processInstanceBusinessKey(Households.fileNo(householdId)).list()
                .forEach(review -> runtime.deleteProcessInstance(review.getId(), reason));
        jdbc.sql("delete from bf_review_schedule where household_id = ?").param(householdId).update();
        feed.changed(householdId);
    }

    /** The team's opinion when it concluded the review of this process to propose exit. */
    String exitReasons(String processInstanceId) {
        return jdbc.sql("""
                select opinion from bf_periodic_review where process_instance_id = ? and conclusion = 'PROPOSE_EXIT'
                 order by id desc fetch first 1 rows only""").param(processInstanceId).query(String.class).single();
    }

    /** The household's class (户属性) as ReviewFrequencyDecision reads it. */
    String householdClass(long householdId) {
        return jdbc.sql("select attribute from bf_household where id = ?").param(householdId).query(String.class).single();
    }

    /** Sets the household's next review one {@code interval} (ISO-8601, "P3M") after {@code now}; its due date. */
    @Transactional
    Date schedule(long householdId, String processInstanceId, String interval, Instant now) {
        LocalDate due = LocalDate.ofInstant(now, clock.getZone()).plus(Period.parse(interval));
        OffsetDateTime updated = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int rows = jdbc.sql("""
                update bf_review_schedule set review_interval = ?, due_on = ?, updated_at = ?
                 where household_id = ? and process_instance_id = ?""")
                .params(interval, due, updated, householdId, processInstanceId).update();
        if (rows == 0) {
            // a first review: what an ended review (of a household that left and was paired again) scheduled goes
            List<String> scheduled = jdbc.sql("select process_instance_id from bf_review_schedule where household_id = ?")
                    .param(householdId).query(String.class).list();
            Set<String> running = scheduled.isEmpty() ? Set.of()
                    : runtime.createProcessInstanceQuery().processInstanceIds(Set.copyOf(scheduled)).list().stream()
                            .map(ProcessInstance::getId).collect(Collectors.toSet());
            scheduled.stream().filter(id -> !running.contains(id)).forEach(ended -> jdbc.sql(
                    "delete from bf_review_schedule where household_id = ? and process_instance_id = ?")
                    .params(householdId, ended).update());
            jdbc.sql("""
                    insert into bf_review_schedule (household_id, review_interval, due_on, process_instance_id, updated_at)
                    values (?, ?, ?, ?, ?)""").params(householdId, interval, due, processInstanceId, updated).update();
        }
        feed.changed(householdId);
        return Date.from(due.atStartOfDay(clock.getZone()).toInstant());
    }

    /** When the household's next review falls due, if it is reviewed. */
    @Transactional(readOnly = true)
    public Optional<Schedule> schedule(long householdId) {
        return jdbc.sql("select review_interval, due_on from bf_review_schedule where household_id = ?")
                .param(householdId)
                .query((rs, n) -> new Schedule(rs.getString(1), rs.getObject(2, LocalDate.class))).optional();
    }

    /** How often a household is reviewed and when its next review falls due. */
    public record Schedule(String interval, LocalDate dueOn) {
    }

    /** What the review task shows: when it fell due, how often, and the visit it will be concluded on, if any. */
    Map<String, Object> context(TaskStep step) {
        Map<String, Object> context = new LinkedHashMap<>();
        LocalDate due = fellDue(step);
        context.put("reviewDue", due);
        schedule(step.householdId()).ifPresent(s -> context.put("reviewInterval", s.interval()));
        latestVisitSince(step.householdId(), due).ifPresent(visit -> context.put("reviewVisitId", visit));
        return context;
    }

    /**
     * Concludes a review: continue, adjust the measures or propose exit, with the team's opinion, on a visit recorded
     * in the handbook on or after the day the review fell due.
     */
    StepOutcome conclude(TaskStep step, FormInput input) {
        String decision = input.choice(FormField.DECISION,
                List.of(ReviewVariables.CONTINUE, ReviewVariables.ADJUST, ReviewVariables.PROPOSE_EXIT));
        String opinion = input.text("opinion", true, 2000);
        LocalDate due = fellDue(step);
        Optional<Long> visit = latestVisitSince(step.householdId(), due);
        if (visit.isEmpty()) {
            input.error(FormField.DECISION, "handbook.review.visitMissing", due.toString());
        }
        input.throwIfInvalid();
        jdbc.sql("""
                insert into bf_periodic_review (household_id, process_instance_id, due_on, visit_id, conclusion, opinion,
                                       concluded_by, concluded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(step.householdId(), step.processInstanceId(), due, visit.get(), decision, opinion, step.username(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return StepOutcome.of(input, decision, opinion);
    }

    /** The day the review task appeared: its timer's day, in the engine's time. */
    private LocalDate fellDue(TaskStep step) {
        return step.createdAt().atZone(clock.getZone()).toLocalDate();
    }

    /** The team has adjusted the plan's measures in the handbook; the next review is scheduled. */
    StepOutcome adjusted(FormInput input) {
        input.choice(FormField.DECISION, List.of(ReviewVariables.ADJUSTED));
        String note = input.text("opinion", false, 2000);
        input.throwIfInvalid();
        return StepOutcome.of(input, ReviewVariables.ADJUSTED, note);
    }

    private Optional<Long> latestVisitSince(long householdId, LocalDate since) {
        return jdbc.sql("""
                select id from bf_visit where household_id = ? and visited_on >= ?
                 order by visited_on desc, id desc fetch first 1 rows only""")
                .params(householdId, since).query(Long.class).optional();
    }
}
