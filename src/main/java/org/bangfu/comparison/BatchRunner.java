package org.bangfu.comparison;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.bangfu.household.HouseholdStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a batch in the background, a chunk of households at a time. Each chunk's reports, warnings and the
 * batch's counters and cursor commit together, so a batch interrupted anywhere (cancelled, or the application
 * stopped) goes on from its last committed chunk without counting a household twice. Unfinished batches
 * resume when the application starts.
 */
@Component
class BatchRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

    /** Stages of households that are not, or no longer, supported: the batch leaves them out. */
    static final String ACTIVE = "h.stage not in ('" + HouseholdStage.NOT_ELIGIBLE + "', '" + HouseholdStage.EXITED + "')";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WarningFinder finder;
    private final Clock clock;
    private final int chunkSize;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "comparison-batch");
        thread.setDaemon(true);
        return thread;
    });

    BatchRunner(JdbcClient jdbc, TransactionTemplate transactions, WarningFinder finder, Clock clock,
            @Value("${bangfu.comparison.batch-chunk-size:2000}") int chunkSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.finder = finder;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    void submit(long batchId) {
        executor.submit(() -> run(batchId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (long id : jdbc.sql("select id from bf_comparison_batch where status = 'RUNNING'").query(Long.class).list()) {
            log.info("Resuming comparison batch {}", id);
            submit(id);
        }
    }

    private void run(long batchId) {
        try {
            while (step(batchId)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the batch stays RUNNING and resumes at the next start; the cause is in the log
            log.error("Comparison batch {} stopped", batchId, e);
        }
    }

    /** Processes the next chunk in its own transaction; false when the batch is finished, cancelled or not running. */
    boolean step(long batchId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> stepWithin(batchId)));
    }

    /** The next chunk, in the caller's transaction. */
    boolean stepWithin(long batchId) {
        record State(LocalDate asOf, String datasets, String rules, long cursor, long maxHousehold, boolean cancel) {
        }
        State state = jdbc.sql("""
                select as_of, datasets, rules_applied, last_household_id, max_household_id, cancel_requested
                  from bf_comparison_batch where id = ? and status = 'RUNNING' for update""")
                .param(batchId)
                .query((rs, n) -> new State(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getBoolean(6)))
                .optional().orElse(null);
        if (state == null) {
            return false;
        }
        if (state.cancel()) {
            finish(batchId, Batch.Status.CANCELLED);
            return false;
        }
        Long upTo = jdbc.sql("""
                select max(id) from (select h.id from bf_household h where h.id > ? and h.id <= ? and\s""" + ACTIVE + """
                 order by h.id fetch first ? rows only) x""")
                .params(state.cursor(), state.maxHousehold(), chunkSize).query(Long.class).optional().orElse(null);
        if (upTo == null) {
            finish(batchId, Batch.Status.DONE);
            return false;
        }
        int households = jdbc.sql("""
                insert into bf_comparison_report (household_id, batch_id, fingerprint, as_of, members_checked,
                                                  created_at, created_by)
                select h.id, b.id, 'batch-' || b.id, b.as_of,
                       (select count(*) from bf_member m where m.household_id = h.id and m.active = true),
                       ?, b.started_by
                  from bf_household h, bf_comparison_batch b
                 where b.id = ? and h.id > ? and h.id <= ? and\s""" + ACTIVE)
                .params(now(), batchId, state.cursor(), upTo).update();
        Snapshot snapshot = Snapshot.parse(state.asOf(), state.datasets(), state.rules());
        List<Object> range = List.of(batchId, state.cursor(), upTo);
        String inRange = "r.batch_id = ? and r.household_id > ? and r.household_id <= ?";
        int warnings = finder.insertWarnings(snapshot, inRange, range);
        jdbc.sql("""
                update bf_comparison_batch
                   set households_done = households_done + ?,
                       people_checked = people_checked + (select coalesce(sum(r.members_checked), 0)
                                                            from bf_comparison_report r where\s""" + inRange + """
                       ),
                       households_hit = households_hit + (select count(distinct w.household_id)
                                                            from bf_comparison_warning w
                                                            join bf_comparison_report r on r.id = w.report_id
                                                           where\s""" + inRange + """
                       ),
                       warning_count = warning_count + ?, last_household_id = ?
                 where id = ?""")
                .params(households, batchId, state.cursor(), upTo, batchId, state.cursor(), upTo, warnings, upTo,
                        batchId)
                .update();
        return true;
    }

    private void finish(long batchId, Batch.Status status) {
        jdbc.sql("update bf_comparison_batch set status = ?, running_slot = null, finished_at = ? where id = ?")
                .params(status.name(), now(), batchId).update();
        log.info("Comparison batch {} {}", batchId, status);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
