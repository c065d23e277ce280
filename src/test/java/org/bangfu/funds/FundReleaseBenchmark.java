package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.pairing.PairingTasks;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.BareProcess;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Fund releases pushed through {@code FundReleaseProcess} by Bangfu's API (start, the team's request, the leader's
 * and the district's approvals, a second officer for one in ten, the payment job) by 8 concurrent clients on
 * PostgreSQL, against the bare engine running the same BPMN without Bangfu (no listeners, no-op service tasks) with
 * the same clients in the same run; then one bank batch of them all and its confirmation, and the count of
 * duplicate payments, which must be 0. A sample over the REST API too. {@code -Dbenchmark.releases=N} (10,000).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class FundReleaseBenchmark {

    private static final int RELEASES = Integer.getInteger("benchmark.releases", 10_000);
    private static final int HTTP_RELEASES = Integer.getInteger("benchmark.httpReleases", 200);
    private static final int CLIENTS = 8;
    /** Releases per household: each household's arrangement covers all of them. */
    private static final int PER_HOUSEHOLD = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FundReleases releases;

    @Autowired
    FundPayments payments;

    @Autowired
    PairingTasks tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    UserDetailsService users;

    record Household(long id, long teamId, String member, String leader) {
    }

    @Test
    void releasesThroughTheWholeProcessExactlyOnceAgainstTheBareEngine() throws Exception {
        int warmUp = 40;
        List<Household> households = generate("发放基准户", (RELEASES + warmUp + HTTP_RELEASES) / PER_HOUSEHOLD + 2);
        deployBare();
        RunAs as = new RunAs(users);
        IntConsumer bangfu = i -> release(as, households.get(i % households.size()), amount(i), i);
        IntConsumer bare = i -> bare(households.get(i % households.size()), amount(i));
        run(0, warmUp / 2, bangfu);
        run(0, warmUp / 2, bare);

        long[] bangfuNanos = new long[RELEASES];
        double bangfuSeconds = run(warmUp, RELEASES, i -> bangfuNanos[i - warmUp] = timed(() -> bangfu.accept(i)));
        long[] bareNanos = new long[RELEASES];
        double bareSeconds = run(warmUp, RELEASES, i -> bareNanos[i - warmUp] = timed(() -> bare.accept(i)));

        int queued = jdbc.sql("select count(*) from bf_payment where status = 'QUEUED'").query(Integer.class).single();
        long batchStarted = System.nanoTime();
        PaymentBatch batch = as.call("district", payments::createBatch);
        byte[] file = as.call("district", () -> payments.batchFile(batch.id(), FundPayments.FileFormat.CSV));
        double batchSeconds = (System.nanoTime() - batchStarted) / 1e9;
        StringBuilder confirmation = new StringBuilder("reference,result,reason\n");
        new String(file, StandardCharsets.UTF_8).lines().skip(1)
                .forEach(line -> confirmation.append(line.substring(line.lastIndexOf(',') + 1)).append(",PAID,\n"));
        long reconcileStarted = System.nanoTime();
        Reconciliation reconciled = as.call("district",
                () -> payments.reconcile(batch.id(), confirmation.toString().getBytes(StandardCharsets.UTF_8)));
        double reconcileSeconds = (System.nanoTime() - reconcileStarted) / 1e9;

        int duplicates = jdbc.sql("""
                select count(*) from (select request_id from bf_payment where status <> 'FAILED'
                 group by request_id having count(*) > 1) d""").query(Integer.class).single();
        int paidTwice = jdbc.sql("""
                select count(*) from (select request_id from bf_fund_ledger where kind = 'PAID'
                 group by request_id having count(*) > 1) d""").query(Integer.class).single();
        long approvedFen = jdbc.sql("select sum(amount_fen) from bf_fund_ledger where kind = 'APPROVED' and note = '审批通过'"
                + " and request_id in (select id from bf_fund_request where purpose = '基准发放')").query(Long.class).single();
        long paidFen = jdbc.sql("select sum(amount_fen) from bf_payment where status = 'PAID' and request_id in"
                + " (select id from bf_fund_request where purpose = '基准发放')").query(Long.class).single();
        assertThat(duplicates).isZero();
        assertThat(paidTwice).isZero();
        assertThat(reconciled.paid()).isEqualTo(queued);
        assertThat(paidFen).isEqualTo(approvedFen);
        assertThat(jdbc.sql("select count(*) from bf_fund_request where purpose = '基准发放' and status = 'PAID'")
                .query(Integer.class).single()).isEqualTo(RELEASES + warmUp / 2);

        double http = restSample(households, warmUp + RELEASES);

        System.out.println();
        System.out.printf(Locale.ROOT, "== Benchmark: %,d fund releases through FundReleaseProcess, %d clients, PostgreSQL%n",
                RELEASES, CLIENTS);
        System.out.printf(Locale.ROOT, "bare engine (same BPMN without Bangfu, same steps): %7.1f s  %6.1f releases/s"
                + "  p50 %6.1f ms  p95 %6.1f ms per release%n", bareSeconds, RELEASES / bareSeconds,
                percentile(bareNanos, 50), percentile(bareNanos, 95));
        System.out.printf(Locale.ROOT, "Bangfu (forms, budget lock, four eyes, ledger, instruction, payment job): %7.1f s"
                + "  %6.1f releases/s  p50 %6.1f ms  p95 %6.1f ms per release%n", bangfuSeconds, RELEASES / bangfuSeconds,
                percentile(bangfuNanos, 50), percentile(bangfuNanos, 95));
        System.out.printf(Locale.ROOT, "one bank batch of %,d payments (made and written as CSV): %.1f s;"
                + " its confirmation reconciled: %.1f s (%.2f ms per payment)%n", queued, batchSeconds, reconcileSeconds,
                reconcileSeconds * 1000 / queued);
        System.out.printf(Locale.ROOT, "duplicate payments: %d (requests paid more than once: %d); paid %s yuan = approved %s yuan%n",
                duplicates, paidTwice, org.bangfu.shared.Money.ofFen(paidFen).format(),
                org.bangfu.shared.Money.ofFen(approvedFen).format());
        System.out.printf(Locale.ROOT, "REST API sample: %d releases, %d clients, %.0f ms per release"
                + " (6 requests each, HTTP Basic hashing the password on every request)%n", HTTP_RELEASES, CLIENTS, http);
    }

    private static long amount(int i) {
        return i % 10 == 0 ? 60_000 : 100;
    }

    // ---- Bangfu ----------------------------------------------------------------------------------------

    private void release(RunAs as, Household h, long yuan, int i) {
        String release = as.call(h.member(), () -> releases.start(h.id()));
        complete(as, release, FundVariables.REQUEST, h.member(), Map.of("decision", "SUBMIT", "programme", "GENERAL",
                "amount", String.valueOf(yuan), "measure", "LIVING", "purpose", "基准发放"));
        complete(as, release, FundVariables.LEADER_APPROVAL, h.leader(), Map.of("decision", "APPROVE"));
        String first = i % 2 == 0 ? "district" : "district2";
        complete(as, release, FundVariables.DISTRICT_APPROVAL, first, Map.of("decision", "APPROVE"));
        if (yuan > 50_000) {
            complete(as, release, FundVariables.SECOND_DISTRICT_APPROVAL,
                    first.equals("district") ? "district2" : "district", Map.of("decision", "APPROVE"));
        }
        Job job = management.createJobQuery().processInstanceId(release).singleResult();
        management.executeJob(job.getId());
    }

    private void complete(RunAs as, String release, String key, String who, Map<String, Object> form) {
        Task task = taskService.createTaskQuery().processInstanceId(release).singleResult();
        if (!task.getTaskDefinitionKey().equals(key)) {
            throw new AssertionError(release + " waits at " + task.getTaskDefinitionKey() + ", not " + key);
        }
        as.run(who, () -> tasks.complete(task.getId(), new HashMap<>(form)));
    }

    // ---- the bare engine -------------------------------------------------------------------------------

    private void bare(Household h, long yuan) {
        String instance = runtime.startProcessInstanceByKey("BareFundReleaseProcess", Map.of("teamId", h.teamId()))
                .getId();
        bareComplete(instance, Map.of("decision", "SUBMIT", FundVariables.REQUEST_ID, 0L, FundVariables.AMOUNT_FEN,
                yuan * 100, FundVariables.SECOND_APPROVAL_ABOVE_FEN, 5_000_000L));
        bareComplete(instance, Map.of("decision", "APPROVE"));
        bareComplete(instance, Map.of("decision", "APPROVE"));
        if (yuan > 50_000) {
            bareComplete(instance, Map.of("decision", "APPROVE"));
        }
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        management.executeJob(job.getId());
    }

    private void bareComplete(String instance, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        taskService.complete(task.getId(), variables);
    }

    /** FundReleaseProcess without its listener and with no-op service tasks. */
    private void deployBare() {
        BpmnModelInstance model = BareProcess.of("processes/FundReleaseProcess.bpmn", "BareFundReleaseProcess");
        repository.createDeployment().name("benchmark: bare engine").addModelInstance("BareFundReleaseProcess.bpmn", model)
                .deploy();
    }

    // ---- over REST ---------------------------------------------------------------------------------------

    private double restSample(List<Household> households, int first) throws Exception {
        ApiClient api = new ApiClient(port);
        Pattern id = Pattern.compile("\"processInstanceId\":\"([^\"]+)\"");
        IntConsumer walk = i -> {
            Household h = households.get(i % households.size());
            HttpResponse<String> started = api.send(h.member(), "POST", "/api/households/" + h.id() + "/funds/releases",
                    null, null, null);
            Matcher m = id.matcher(started.body());
            assertThat(m.find()).as(started.body()).isTrue();
            String release = m.group(1);
            rest(api, release, h.member(), """
                    {"decision":"SUBMIT","programme":"GENERAL","amount":"100","measure":"LIVING","purpose":"接口发放"}""");
            rest(api, release, h.leader(), "{\"decision\":\"APPROVE\"}");
            rest(api, release, i % 2 == 0 ? "district" : "district2", "{\"decision\":\"APPROVE\"}");
            assertThat(api.get("district", "/api/households/" + h.id() + "/funds/requests").statusCode()).isEqualTo(200);
            management.executeJob(management.createJobQuery().processInstanceId(release).singleResult().getId());
        };
        double seconds = run(first, HTTP_RELEASES, walk);
        return seconds * 1000 * CLIENTS / HTTP_RELEASES;
    }

    private void rest(ApiClient api, String release, String user, String form) {
        Task task = taskService.createTaskQuery().processInstanceId(release).singleResult();
        HttpResponse<String> done = api.send(user, "POST", "/api/tasks/" + task.getId() + "/complete",
                "application/json", form.getBytes(StandardCharsets.UTF_8), null);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    /** Runs releases {@code first .. first+count-1} on the clients; wall-clock seconds. */
    private static double run(int first, int count, IntConsumer release) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger(first);
        long started = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < first + count; i = next.getAndIncrement()) {
                    release.accept(i);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return (System.nanoTime() - started) / 1e9;
    }

    /** Paired households spread over the teams, each with 500,000 yuan arranged, by bulk SQL. */
    private List<Household> generate(String prefix, int total) {
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, address, attribute, main_cause, stage, team_id,
                                          bank_account, created_at, updated_at)
                select ? || g, t.street_id, (select min(v.id) from bf_village v where v.street_id = t.street_id),
                       '基准地址 ' || g, 'DIBAO', 'ILLNESS', 'PAIRED', t.id, '6217' || lpad(g::text, 15, '0'), now(), now()
                  from generate_series(1, ?) g
                  join bf_team t on t.id = (select id from bf_team order by id offset (g % 11) limit 1)""")
                .params(prefix, total).update();
        jdbc.sql("""
                insert into bf_pairing_case (household_id, status, started_by, started_at, ended_at)
                select id, 'PAIRED', 'benchmark', now(), now() from bf_household where head_name like ?""")
                .param(prefix + "%").update();
        jdbc.sql("""
                insert into bf_fund_budget (household_id, budget_year, programme, version_no, amount_fen, reason,
                                            arranged_by, arranged_at)
                select id, extract(year from current_date), 'GENERAL', 1, 50000000, '基准安排', 'benchmark', now()
                  from bf_household where head_name like ?""").param(prefix + "%").update();
        jdbc.sql("""
                insert into bf_fund_ledger (household_id, street_id, team_id, budget_year, programme, kind, amount_fen,
                                            budget_id, note, recorded_by, recorded_at)
                select h.id, h.street_id, h.team_id, b.budget_year, 'GENERAL', 'ARRANGED', b.amount_fen, b.id, '基准安排',
                       'benchmark', now()
                  from bf_household h join bf_fund_budget b on b.household_id = h.id where h.head_name like ?""")
                .param(prefix + "%").update();
        jdbc.sql("analyze bf_household").update();
        jdbc.sql("analyze bf_fund_ledger").update();
        return jdbc.sql("""
                select h.id, h.team_id,
                       (select min(username) from bf_user_account where team_id = h.team_id and role = 'TEAM_MEMBER'),
                       (select min(username) from bf_user_account where team_id = h.team_id and role = 'TEAM_LEADER')
                  from bf_household h where h.head_name like ? order by h.id""").param(prefix + "%")
                .query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }
}
