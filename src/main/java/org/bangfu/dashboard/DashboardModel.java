package org.bangfu.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bangfu.dashboard.Counters.Delta;
import org.bangfu.funds.LedgerEntryRecorded;
import org.bangfu.funds.LedgerMovedTeam;
import org.bangfu.handbook.ExitProposed;
import org.bangfu.handbook.FieldWorkChanged;
import org.bangfu.household.HouseholdChanged;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.HouseholdStageChanged;
import org.bangfu.pairing.StepClosed;
import org.bangfu.pairing.StepOpened;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's read model current: each event of the household, task-list, funds and handbook modules is
 * applied in the transaction that published it, so the figures commit (or roll back) with the change itself and
 * stay right after a restart. A rebuild ({@link DashboardRebuild}) applies the same rules to the modules' feeds.
 */
@Component
class DashboardModel {

    private final JdbcClient jdbc;
    private final Counters counters;
    private final Clock clock;

    DashboardModel(JdbcClient jdbc, Counters counters, Clock clock) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdChanged changed) {
        Optional<Standing> before = standing(changed.facts().householdId());
        Standing now = before.map(s -> s.with(changed.facts())).orElseGet(() -> Standing.of(changed.facts()));
        save(now, before.isPresent());
        List<Delta> deltas = new ArrayList<>(now.changeFrom(before.orElse(null)));
        if (before.isPresent() && !now.sameStreetAndTeam(before.get())) {
            // its waiting steps move with it
            jdbc.sql("select process_key, task_key, due_on from bf_dash_step where household_id = ?")
                    .param(now.householdId()).query((rs, n) -> {
                        String processKey = rs.getString(1);
                        String taskKey = rs.getString(2);
                        LocalDate dueOn = rs.getObject(3, LocalDate.class);
                        deltas.add(waiting(processKey, taskKey, before.get().streetId(), before.get().teamId(), dueOn, -1));
                        return deltas.add(waiting(processKey, taskKey, now.streetId(), now.teamId(), dueOn, 1));
                    }).list();
            jdbc.sql("update bf_dash_step set street_id = ?, team_id = ? where household_id = ?")
                    .params(now.streetId(), now.teamId(), now.householdId()).update();
        }
        counters.add(deltas);
    }

    @EventListener
    void on(HouseholdStageChanged moved) {
        counters.add(flows(moved));
    }

    @EventListener
    void on(FieldWorkChanged fieldWork) {
        standing(fieldWork.householdId()).ifPresent(before -> {
            Standing now = before.withFieldWork(fieldWork.lastVisitedOn(), fieldWork.visitDueBy(),
                    fieldWork.reviewDueOn());
            save(now, true);
            counters.add(now.changeFrom(before));
        });
    }

    @EventListener
    void on(ExitProposed exit) {
        counters.add(List.of(exit(exit)));
    }

    @EventListener
    void on(StepOpened step) {
        standing(step.householdId()).ifPresent(household -> {
            jdbc.sql("""
                    insert into bf_dash_step (task_id, process_key, task_key, household_id, street_id, team_id, created_at,
                        due_on) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(step.taskId(), step.processKey(), step.taskKey(), step.householdId(), household.streetId(),
                            household.teamId(), OffsetDateTime.ofInstant(step.createdAt(), ZoneOffset.UTC), step.dueOn())
                    .update();
            counters.add(List.of(waiting(step, household, 1)));
        });
    }

    @EventListener
    void on(StepClosed step) {
        jdbc.sql("select process_key, task_key, street_id, team_id, due_on from bf_dash_step where task_id = ?")
                .param(step.taskId())
                .query((rs, n) -> waiting(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class), -1))
                .optional().ifPresent(waiting -> {
                    jdbc.sql("delete from bf_dash_step where task_id = ?").param(step.taskId()).update();
                    counters.add(List.of(waiting));
                });
    }

    @EventListener
    void on(LedgerEntryRecorded entry) {
        counters.add(List.of(money(entry)));
    }

    /** A household moved to another team: its money counts under the new team, as the ledger's replay counts it. */
    @EventListener
    void on(LedgerMovedTeam moved) {
        List<Delta> deltas = new ArrayList<>();
        for (LedgerEntryRecorded entry : moved.entries()) {
            LocalDate month = day(entry.recordedAt()).withDayOfMonth(1);
            deltas.add(new Delta(Counter.MONEY, List.of(entry.year(), month, entry.streetId(), moved.fromTeamId(),
                    entry.kind().name()), new long[] { -entry.amountFen() }));
            deltas.add(new Delta(Counter.MONEY, List.of(entry.year(), month, entry.streetId(), moved.toTeamId(),
                    entry.kind().name()), new long[] { entry.amountFen() }));
        }
        counters.add(deltas);
    }

    // the rules, shared with the rebuild

    /** A move counted on its day and again in its month. */
    List<Delta> flows(HouseholdStageChanged moved) {
        LocalDate day = day(moved.at());
        List<Delta> deltas = new ArrayList<>();
        flows(moved, Counter.FLOWS, Counter.MILESTONES, day, deltas);
        flows(moved, Counter.FLOWS_BY_MONTH, Counter.MILESTONES_BY_MONTH, day.withDayOfMonth(1), deltas);
        return deltas;
    }

    private static void flows(HouseholdStageChanged moved, Counter flows, Counter milestones, LocalDate when,
            List<Delta> deltas) {
        long team = Standing.team(moved.teamId());
        deltas.add(new Delta(flows, List.of(when, moved.streetId(), team, moved.to().name()), new long[] { 1, 0 }));
        if (moved.from() != null) {
            deltas.add(new Delta(flows, List.of(when, moved.streetId(), team, moved.from().name()), new long[] { 0, 1 }));
        }
        Milestone.of(moved.from(), moved.to()).ifPresent(milestone -> deltas.add(new Delta(milestones,
                List.of(when, moved.streetId(), team, milestone.name()), new long[] { 1 })));
    }

    /** A step waiting ({@code sign} 1) or no longer ({@code -1}) at a household of this standing. */
    Delta waiting(StepOpened step, Standing household, int sign) {
        return waiting(step.processKey(), step.taskKey(), household.streetId(), household.teamId(), step.dueOn(), sign);
    }

    private static Delta waiting(String processKey, String taskKey, long streetId, long teamId, LocalDate dueOn,
            int sign) {
        return new Delta(Counter.STEPS, List.of(processKey, taskKey, streetId, teamId, dueOn), new long[] { sign });
    }

    Delta exit(ExitProposed exit) {
        return new Delta(Counter.EXITS, List.of(day(exit.proposedAt()), exit.streetId(), Standing.team(exit.teamId())),
                new long[] { 1 });
    }

    Delta money(LedgerEntryRecorded entry) {
        return new Delta(Counter.MONEY, List.of(entry.year(), day(entry.recordedAt()).withDayOfMonth(1), entry.streetId(),
                Standing.team(entry.teamId()), entry.kind().name()), new long[] { entry.amountFen() });
    }

    /** The bureau's calendar day of a moment. */
    LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    /**
     * The household's standing, locked until the change commits: two changes of one household count one after the
     * other, each from what the other left.
     */
    Optional<Standing> standing(long householdId) {
        return jdbc.sql("""
                select household_id, head_name, street_id, team_id, stage, attribute, main_cause, last_visited_on,
                       visit_due_by, review_due_on
                  from bf_dash_household where household_id = ? for update""").param(householdId)
                .query((rs, n) -> new Standing(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        HouseholdStage.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)))
                .optional();
    }

    void save(Standing s, boolean exists) {
        Object[] values = { s.headName(), s.streetId(), s.teamId(), s.stage().name(), s.attribute(), s.mainCause(),
                s.lastVisitedOn(), s.visitDueBy(), s.reviewDueOn(), s.householdId() };
        if (exists) {
            jdbc.sql("""
                    update bf_dash_household set head_name = ?, street_id = ?, team_id = ?, stage = ?, attribute = ?,
                           main_cause = ?, last_visited_on = ?, visit_due_by = ?, review_due_on = ?
                     where household_id = ?""").params(values).update();
        } else {
            jdbc.sql("""
                    insert into bf_dash_household (head_name, street_id, team_id, stage, attribute, main_cause,
                        last_visited_on, visit_due_by, review_due_on, household_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update();
        }
    }
}
