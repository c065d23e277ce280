package org.bangfu.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.comparison.AgencyData.Mode;
import org.bangfu.comparison.ComparisonBatches.StreetCount;
import org.bangfu.comparison.ComparisonBatches.Summary;
import org.bangfu.comparison.Comparisons.ReportFilter;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch re-check on 300 generated households (beside the 11 demo ones) with known hits, in chunks of 40:
 * the expected counts, an interrupted and resumed batch equal to an uninterrupted one, one batch at a time,
 * cancel, scopes, the export and the REST status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bangfu.comparison.batch-chunk-size=40")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonBatchTest {

    private static final int GENERATED = 300;

    @Autowired
    ComparisonBatches batches;

    @Autowired
    Comparisons comparisons;

    @Autowired
    BatchRunner runner;

    @Autowired
    AgencyData agencyData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    RunAs as;

    /** What the batch must find, worked out while generating the data. */
    int activeHouseholds;
    int activePeople;
    int hitHouseholds;
    final Map<String, Integer> warningsByRule = new TreeMap<>();

    @BeforeAll
    void generate() throws InterruptedException {
        as = new RunAs(users);
        // the demo data's own batch ends first; only one batch runs at a time
        for (int i = 0; i < 300 && jdbc.sql("select count(*) from bf_comparison_batch where status = 'RUNNING'")
                .query(Integer.class).single() > 0; i++) {
            Thread.sleep(100);
        }
        List<long[]> teams = jdbc.sql("select id, street_id from bf_team order by code")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
        StringBuilder employees = new StringBuilder("身份证号,工作单位\n");
        StringBuilder vehicles = new StringBuilder("身份证号,号牌号码,使用性质\n");
        StringBuilder pensions = new StringBuilder("身份证号,月养老金\n");
        for (int i = 0; i < GENERATED; i++) {
            long[] team = teams.get(i % teams.size());
            long village = jdbc.sql("select min(id) from bf_village where street_id = ?").param(team[1])
                    .query(Long.class).single();
            String stage = i % 15 == 0 ? "EXITED" : i % 15 == 1 ? "NOT_ELIGIBLE" : "PAIRED";
            jdbc.sql("""
                    insert into bf_household (head_name, street_id, village_id, attribute, stage, team_id, created_at,
                                              updated_at)
                    values (?, ?, ?, 'GENERAL', ?, ?, current_timestamp, current_timestamp)""")
                    .params("批量户" + i, team[1], village, stage, team[0]).update();
            long household = jdbc.sql("select max(id) from bf_household").query(Long.class).single();
            int size = i % 3 == 0 ? 3 : 2;
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                String id = TestIds.id(LocalDate.of(1950, 1, 1).plusDays(i * 5L + k), 200 + k);
                ids.add(id);
                jdbc.sql("""
                        insert into bf_member (household_id, name, relation, gender, birth_date, id_number,
                                               active_id_number, created_at)
                        values (?, ?, ?, 'MALE', ?, ?, ?, current_timestamp)""")
                        .params(household, "批量成员" + i + "-" + k, k == 0 ? "HEAD" : "OTHER",
                                LocalDate.of(1950, 1, 1).plusDays(i * 5L + k), id, id).update();
            }
            boolean active = i % 15 > 1;
            int hits = 0;
            if (i % 10 == 0) {
                employees.append(ids.get(0)).append(",区直单位\n");
                hits += count(active, "PUBLIC_EMPLOYEE");
            }
            if (i % 7 == 0) {
                vehicles.append(ids.get(1)).append(",皖B").append(10000 + i).append(",非营运\n");
                hits += count(active, "VEHICLE_NON_PRODUCTIVE");
            } else if (i % 7 == 1) {
                vehicles.append(ids.get(1)).append(",皖B").append(10000 + i).append(",营运\n");
            }
            if (i % 5 == 0) {
                pensions.append(ids.get(0)).append(",2600\n");
                hits += count(active, "PENSION_ABOVE");
            } else if (i % 5 == 1) {
                pensions.append(ids.get(0)).append(",1500\n");
            }
            if (active) {
                activeHouseholds++;
                activePeople += size;
                hitHouseholds += hits > 0 ? 1 : 0;
            }
        }
        activeHouseholds += jdbc.sql("select count(*) from bf_household where demo = true").query(Integer.class).single();
        activePeople += jdbc.sql("""
                select count(*) from bf_member m join bf_household h on h.id = m.household_id
                 where h.demo = true and m.active = true""").query(Integer.class).single();
        as.run("district", () -> {
            agencyData.importFile(AgencyKind.PUBLIC_EMPLOYEE, "财政供养.csv", bytes(employees), Map.of(), null,
                    Mode.ALL_OR_NOTHING);
            agencyData.importFile(AgencyKind.VEHICLE, "车辆.csv", bytes(vehicles), Map.of(), null, Mode.ALL_OR_NOTHING);
            agencyData.importFile(AgencyKind.PENSION, "养老金.csv", bytes(pensions), Map.of(), null, Mode.ALL_OR_NOTHING);
            // newer versions without anyone in them replace the demo data's other data sets
            for (AgencyKind other : List.of(AgencyKind.DEATH, AgencyKind.REAL_ESTATE, AgencyKind.BUSINESS,
                    AgencyKind.DEMOLITION)) {
                String header = String.join(",", other.fields().stream().map(f -> f.headers().get(0)).toList());
                agencyData.importFile(other, "空.csv", (header + "\n").getBytes(StandardCharsets.UTF_8), Map.of(), null,
                        Mode.ALL_OR_NOTHING);
            }
        });
    }

    private int count(boolean active, String rule) {
        if (active) {
            warningsByRule.merge(rule, 1, Integer::sum);
        }
        return 1;
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a created batch to its end, chunk by chunk, in this thread. */
    private void runToEnd(Batch batch) {
        while (runner.step(batch.id())) {
            // next chunk
        }
    }

    private Summary summary(long batchId) {
        return as.call("district", () -> batches.summary(batchId)).orElseThrow();
    }

    private Batch awaitEnd(long batchId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Batch batch = as.call("leader", () -> batches.find(batchId)).orElseThrow();
            if (batch.status() != Batch.Status.RUNNING) {
                return batch;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + batchId + " did not end");
    }

    @Test
    void findsTheExpectedWarningsInEveryActiveHousehold() throws Exception {
        Batch batch = as.call("district", batches::create);
        assertThat(batch.households()).isEqualTo(activeHouseholds);
        runToEnd(batch);

        Summary summary = summary(batch.id());
        Batch done = summary.batch();
        assertThat(done.status()).isEqualTo(Batch.Status.DONE);
        assertThat(done.households()).isEqualTo(activeHouseholds);
        assertThat(done.people()).isEqualTo(activePeople);
        assertThat(done.householdsHit()).isEqualTo(hitHouseholds);
        assertThat(done.warningCount()).isEqualTo(warningsByRule.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.hitShare()).isEqualTo(hitHouseholds / (double) activeHouseholds);
        Map<String, Integer> byRule = new TreeMap<>();
        summary.byRule().forEach(r -> byRule.put(r.ruleCode(), r.warnings()));
        assertThat(byRule).isEqualTo(warningsByRule);
        assertThat(summary.byRule()).extracting(r -> r.text(Locale.SIMPLIFIED_CHINESE))
                .contains("家庭成员养老金超过每月2000元");
        assertThat(summary.byStreet()).hasSize(6);
        assertThat(summary.byStreet().stream().mapToInt(StreetCount::households).sum()).isEqualTo(activeHouseholds);
        assertThat(summary.byStreet().stream().mapToInt(StreetCount::warnings).sum()).isEqualTo(done.warningCount());
        assertThat(summary.byStreet().stream().mapToInt(StreetCount::householdsHit).sum()).isEqualTo(hitHouseholds);

        // drill-down: a street officer sees the batch's reports of the own street only
        StreetCount first = summary.byStreet().get(0);
        assertThat(as.call("street01", () -> comparisons.countReports(new ReportFilter(true, null, batch.id(), null, null))))
                .isEqualTo(first.householdsHit());
        assertThat(as.call("district", () -> comparisons.countReports(
                new ReportFilter(true, null, batch.id(), "PENSION_ABOVE", null))))
                .isEqualTo(warningsByRule.get("PENSION_ABOVE"));

        byte[] export = as.call("leader", () -> batches.export(batch.id(), Locale.SIMPLIFIED_CHINESE));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
            assertThat(book.getSheet("核对汇总").getRow(0).getCell(1).getNumericCellValue()).isEqualTo(activeHouseholds);
            assertThat(book.getSheet("预警明细").getLastRowNum()).isEqualTo(done.warningCount());
            assertThat(book.getSheet("预警明细").getRow(1).getCell(5).getStringCellValue()).contains("****");
        }
    }

    @Test
    void aBatchInterruptedInTheMiddleOfAChunkAndResumedGivesTheSameResultAsOneUninterrupted() throws Exception {
        Batch whole = as.call("district", batches::create);
        runToEnd(whole);

        Batch interrupted = as.call("district", batches::create);
        assertThat(interrupted.chunks()).isEqualTo(jdbc.sql("select (max(id) - min(id)) / 40 + 1 from bf_household")
                .query(Integer.class).single());
        assertThat(runner.step(interrupted.id())).isTrue();
        assertThat(runner.step(interrupted.id())).isTrue();
        // the application stops in the middle of the third chunk: its work is lost with its transaction
        transactions.executeWithoutResult(tx -> {
            runner.stepWithin(interrupted.id(), 0, 1);
            tx.setRollbackOnly();
        });
        Batch atStop = as.call("district", () -> batches.find(interrupted.id())).orElseThrow();
        assertThat(atStop.status()).isEqualTo(Batch.Status.RUNNING);
        assertThat(atStop.chunksDone()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from bf_comparison_warning where batch_id = ?").param(interrupted.id())
                .query(Integer.class).single()).as("nothing of the lost chunk").isEqualTo(atStop.warningCount());

        runner.resumeUnfinished();
        Batch resumed = awaitEnd(interrupted.id());
        assertThat(resumed.status()).isEqualTo(Batch.Status.DONE);

        Summary expected = summary(whole.id());
        Summary actual = summary(interrupted.id());
        assertThat(actual.batch().households()).isEqualTo(expected.batch().households());
        assertThat(actual.batch().people()).isEqualTo(expected.batch().people());
        assertThat(actual.batch().householdsHit()).isEqualTo(expected.batch().householdsHit());
        assertThat(actual.batch().warningCount()).isEqualTo(expected.batch().warningCount());
        assertThat(actual.byRule()).isEqualTo(expected.byRule());
        assertThat(actual.byStreet()).isEqualTo(expected.byStreet());
        assertThat(jdbc.sql("select count(*) from bf_comparison_report where batch_id = ?").param(interrupted.id())
                .query(Integer.class).single()).as("a report per household with warnings, once").isEqualTo(hitHouseholds);
    }

    @Test
    void onlyOneBatchRunsAtATimeAndACancelledBatchKeepsWhatItChecked() {
        Batch running = as.call("district", batches::create);
        assertThatThrownBy(() -> as.call("admin", batches::create))
                .isInstanceOfSatisfying(ComparisonBatches.AlreadyRunning.class,
                        e -> assertThat(e.runningId()).isEqualTo(running.id()));
        assertThat(runner.step(running.id())).isTrue();
        as.run("admin", () -> batches.cancel(running.id()));
        assertThat(runner.step(running.id())).isFalse();
        Batch cancelled = as.call("district", () -> batches.find(running.id())).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Batch.Status.CANCELLED);
        assertThat(cancelled.chunksDone()).isEqualTo(1);
        assertThat(cancelled.progress()).isEqualTo(1.0 / cancelled.chunks());
        assertThat(cancelled.warningCount()).isPositive()
                .isLessThan(warningsByRule.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(cancelled.finishedAt()).isNotNull();

        Batch next = as.call("district", batches::create);
        runToEnd(next);
        assertThat(as.call("district", () -> batches.find(next.id())).orElseThrow().warningCount())
                .isEqualTo(warningsByRule.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void onlyTheDistrictAndAdministratorsStartBatchesAndLeadershipWatches() {
        for (String user : List.of("street01", "team01", "leader", "auditor")) {
            assertThatThrownBy(() -> as.call(user, batches::start)).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as.call("street01", () -> batches.list(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThat(as.call("leader", () -> batches.list(0, 10))).isNotNull();
    }

    @Test
    void aBatchStartedOverHttpRunsInTheBackgroundAndReportsItsProgress() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> started = api.send("district", "POST", "/api/comparison/batches", null, null, null);
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Batch done = awaitEnd(id);
        assertThat(done.status()).isEqualTo(Batch.Status.DONE);
        assertThat(done.households()).isEqualTo(activeHouseholds);
        HttpResponse<String> status = api.get("leader", location);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"status\":\"DONE\"").contains("\"byStreet\"").contains("PENSION_ABOVE");
        assertThat(done.warningCount()).isEqualTo(warningsByRule.values().stream().mapToInt(Integer::intValue).sum());
    }
}
