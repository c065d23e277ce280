package org.bangfu.dashboard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.funds.FundLedger;
import org.bangfu.handbook.FieldWorkFeed;
import org.bangfu.household.HouseholdFeed;
import org.bangfu.pairing.StepFeed;
import org.bangfu.shared.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the dashboard's read model from scratch out of the modules' feeds, with the rules of {@link DashboardModel}:
 * at the first start of a database that has none yet, when started with {@code bangfu.dashboard.rebuild=true}, or
 * when an administrator asks. One transaction: the figures switch from old to new at once; changes made meanwhile wait
 * for it (on PostgreSQL the read model's tables are locked first) and are counted on top.
 */
@Service
class DashboardRebuild {

    private static final Logger log = LoggerFactory.getLogger(DashboardRebuild.class);
    private static final int MAX_ATTEMPTS = 5;

    private static final List<String> TABLES = List.of("bf_dash_household", "bf_dash_count", "bf_dash_flow",
            "bf_dash_milestone", "bf_dash_due", "bf_dash_exit", "bf_dash_step", "bf_dash_money", "bf_dash_step_count",
            "bf_dash_flow_month", "bf_dash_milestone_month");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DashboardModel model;
    private final Counters counters;
    private final HouseholdFeed households;
    private final FieldWorkFeed fieldWork;
    private final StepFeed steps;
    private final FundLedger ledger;
    private final Clock clock;
    private final boolean atStart;

    DashboardRebuild(JdbcTemplate jdbc, TransactionTemplate tx, DashboardModel model, Counters counters,
            HouseholdFeed households, FieldWorkFeed fieldWork, StepFeed steps, FundLedger ledger, Clock clock,
            @Value("${bangfu.dashboard.rebuild:false}") boolean atStart) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.model = model;
        this.counters = counters;
        this.households = households;
        this.fieldWork = fieldWork;
        this.steps = steps;
        this.ledger = ledger;
        this.clock = clock;
        this.atStart = atStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (atStart || jdbc.queryForObject("select count(*) from bf_dash_build", Integer.class) == 0) {
            CurrentUser.runAsSystem(this::rebuild);
        }
    }

    /**
     * Rebuilds everything; answers how long it took in milliseconds. Requests served meanwhile change the same
     * tables: a deadlock with one of them rolls the rebuild back, and it starts again (a few times).
     */
    long rebuild() {
        long started = System.nanoTime();
        Integer households = null;
        for (int attempt = 1; households == null; attempt++) {
            try {
                households = tx.execute(status -> build());
            } catch (PessimisticLockingFailureException concurrentChange) {
                if (attempt == MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.warn("Dashboard rebuild met a concurrent change ({}); starting again", concurrentChange
                        .getMostSpecificCause().getMessage());
            }
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from bf_dash_build");
            jdbc.update("insert into bf_dash_build (id, built_at, took_ms) values (1, ?, ?)",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), took);
        });
        log.info("Dashboard read model rebuilt: {} households in {} ms", households, took);
        return took;
    }

    private int build() {
        if (counters.postgres()) {
            jdbc.execute("lock table " + String.join(", ", TABLES) + " in exclusive mode");
        }
        TABLES.forEach(table -> jdbc.update("delete from " + table));
        Map<Counter, Map<List<Object>, long[]>> sums = new EnumMap<>(Counter.class);
        Map<Long, Standing> standings = new HashMap<>();
        households.replay(facts -> standings.put(facts.householdId(), Standing.of(facts)),
                moved -> Counters.sumInto(sums, model.flows(moved)));
        fieldWork.replay(work -> standings.computeIfPresent(work.householdId(),
                (id, s) -> s.withFieldWork(work.lastVisitedOn(), work.visitDueBy(), work.reviewDueOn())),
                exit -> Counters.sumInto(sums, List.of(model.exit(exit))));
        List<Object[]> rows = new ArrayList<>();
        for (Standing s : standings.values()) {
            Counters.sumInto(sums, s.counts(1));
            rows.add(new Object[] { s.householdId(), s.headName(), s.streetId(), s.teamId(), s.stage().name(),
                    s.attribute(), s.mainCause(), s.lastVisitedOn(), s.visitDueBy(), s.reviewDueOn() });
        }
        batch("""
                insert into bf_dash_household (household_id, head_name, street_id, team_id, stage, attribute, main_cause,
                    last_visited_on, visit_due_by, review_due_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        List<Object[]> waiting = new ArrayList<>();
        steps.replay(step -> {
            Standing household = standings.get(step.householdId());
            if (household != null) {
                Counters.sumInto(sums, List.of(model.waiting(step, household, 1)));
                waiting.add(new Object[] { step.taskId(), step.processKey(), step.taskKey(), step.householdId(),
                        household.streetId(), household.teamId(),
                        OffsetDateTime.ofInstant(step.createdAt(), ZoneOffset.UTC), step.dueOn() });
            }
        });
        batch("""
                insert into bf_dash_step (task_id, process_key, task_key, household_id, street_id, team_id, created_at,
                    due_on) values (?, ?, ?, ?, ?, ?, ?, ?)""", waiting);
        ledger.replay(entry -> Counters.sumInto(sums, List.of(model.money(entry))));
        sums.forEach(counters::insertAll);
        return standings.size();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 1000) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }
}
