package org.bangfu.comparison;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Runs a batch in the background: its chunks of households, shared out over a few workers (the database does
 * the work; two connections use two cores). Each chunk's warnings, reports, counts and done flag commit
 * together under the chunk's row lock, so
 * a batch interrupted anywhere (cancelled, or the application stopped) goes on with the chunks not done,
 * without counting a household twice. Unfinished batches resume when the application starts.
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
    private final int workers;
    private final int chunkSize;
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(named("comparison-batch"));
    private final ExecutorService pool;

    BatchRunner(JdbcClient jdbc, TransactionTemplate transactions, WarningFinder finder, Clock clock,
            @Value("${bangfu.comparison.batch-workers:2}") int workers,
            @Value("${bangfu.comparison.batch-chunk-size:2000}") int chunkSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.finder = finder;
        this.clock = clock;
        this.workers = Math.max(1, workers);
        this.chunkSize = Math.max(1, chunkSize);
        this.pool = Executors.newFixedThreadPool(this.workers, named("comparison-batch-worker"));
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Cuts the household ids into chunks of {@code chunkSize} ids, up to the newest household, in the caller's
     * transaction. Ids are dense, so chunks hold about as many households, less those not active.
     */
    void plan(long batchId) {
        long[] ids = jdbc.sql("select coalesce(min(id), 1), coalesce(max(id), 0) from bf_household")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
        int chunk = 0;
        for (long from = ids[0] - 1; from < ids[1]; from += chunkSize) {
            jdbc.sql("insert into bf_comparison_batch_chunk (batch_id, chunk_no, from_id, to_id) values (?, ?, ?, ?)")
                    .params(batchId, chunk++, from, Math.min(ids[1], from + chunkSize)).update();
        }
    }

    void submit(long batchId) {
        coordinator.submit(() -> run(batchId));
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (long id : jdbc.sql("select id from bf_comparison_batch where status = 'RUNNING'").query(Long.class).list()) {
            log.info("Resuming comparison batch {}", id);
            submit(id);
        }
    }

    private void run(long batchId) {
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            int self = worker;
            running.add(pool.submit(() -> {
                while (step(batchId, self, workers)) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // the batch stays RUNNING and resumes at the next start; the cause is in the log
                log.error("Comparison batch {} stopped", batchId, e.getCause());
            }
        }
    }

    /** The next chunk not done, in its own transaction; false when the batch is finished, cancelled or not running. */
    boolean step(long batchId) {
        return step(batchId, 0, 1);
    }

    /** The next chunk of one worker's share ({@code chunk_no mod workers = worker}). */
    private boolean step(long batchId, int worker, int of) {
        return Boolean.TRUE.equals(transactions.execute(tx -> stepWithin(batchId, worker, of)));
    }

    /** The next chunk, in the caller's transaction. */
    boolean stepWithin(long batchId, int worker, int of) {
        record State(LocalDate asOf, String datasets, String rules, boolean cancel) {
        }
        State state = jdbc.sql("""
                select as_of, datasets, rules_applied, cancel_requested from bf_comparison_batch
                 where id = ? and status = 'RUNNING'""")
                .param(batchId)
                .query((rs, n) -> new State(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .optional().orElse(null);
        if (state == null) {
            return false;
        }
        if (state.cancel()) {
            finish(batchId, Batch.Status.CANCELLED, "");
            return false;
        }
        record Chunk(int no, long from, long to) {
        }
        Chunk chunk = jdbc.sql("""
                select chunk_no, from_id, to_id from bf_comparison_batch_chunk
                 where batch_id = ? and done = false and mod(chunk_no, ?) = ?
                 order by chunk_no fetch first 1 rows only for update""")
                .params(batchId, of, worker)
                .query((rs, n) -> new Chunk(rs.getInt(1), rs.getLong(2), rs.getLong(3))).optional().orElse(null);
        if (chunk == null) {
            // the last worker to run out of chunks ends the batch
            finish(batchId, Batch.Status.DONE,
                    " and not exists (select 1 from bf_comparison_batch_chunk c where c.batch_id = ? and c.done = false)");
            return false;
        }
        Snapshot snapshot = Snapshot.parse(state.asOf(), state.datasets(), state.rules());
        // the warnings (one join), then a report for each household with one
        int warnings = finder.insertWarnings(snapshot, WarningFinder.Source.batch(batchId, chunk.from(), chunk.to(), ACTIVE));
        int householdsHit = jdbc.sql("""
                insert into bf_comparison_report (household_id, batch_id, fingerprint, as_of, members_checked,
                                                  created_at, created_by)
                select h.id, b.id, 'batch-' || b.id, b.as_of,
                       (select count(*) from bf_member x where x.household_id = h.id and x.active = true),
                       ?, b.started_by
                  from bf_household h, bf_comparison_batch b
                 where b.id = ? and h.id in (select w.household_id from bf_comparison_warning w
                                              where w.batch_id = ? and w.household_id > ? and w.household_id <= ?)""")
                .params(now(), batchId, batchId, chunk.from(), chunk.to()).update();
        jdbc.sql("""
                insert into bf_comparison_batch_street (batch_id, chunk_no, street_id, households, people)
                select ?, ?, h.street_id, count(distinct h.id), count(m.id)
                  from bf_household h left join bf_member m on m.household_id = h.id and m.active = true
                                                             and m.household_id > ? and m.household_id <= ?
                 where h.id > ? and h.id <= ? and\s""" + ACTIVE + " group by h.street_id")
                .params(batchId, chunk.no(), chunk.from(), chunk.to(), chunk.from(), chunk.to()).update();
        jdbc.sql("""
                update bf_comparison_batch_chunk set done = true, warnings = ?, households_hit = ?
                 where batch_id = ? and chunk_no = ?""")
                .params(warnings, householdsHit, batchId, chunk.no()).update();
        return true;
    }

    private void finish(long batchId, Batch.Status status, String condition) {
        List<Object> params = new ArrayList<>(List.of(status.name(), now(), batchId));
        if (!condition.isEmpty()) {
            params.add(batchId);
        }
        if (jdbc.sql("""
                update bf_comparison_batch set status = ?, running_slot = null, finished_at = ?
                 where id = ? and status = 'RUNNING'""" + condition).params(params).update() > 0) {
            log.info("Comparison batch {} {}", batchId, status);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @PreDestroy
    void stop() {
        coordinator.shutdownNow();
        pool.shutdownNow();
    }
}
