package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.bangfu.household.Households;
import org.bangfu.shared.BureauTime;
import org.bangfu.tasks.FormField;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.BareProcess;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Households pushed through the whole pairing procedure (home check to paired: 10 forms, 2 notices, the
 * comparison) through Bangfu's task service, against the bare engine running the same processes stripped of
 * Bangfu (no listeners, no-op service tasks) over the same number of steps, with the same 4 clients, in the
 * same run on PostgreSQL. {@code -Dbenchmark.households=N} (10,000 by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class PairingProcessBenchmark {

    private static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 10_000);
    private static final int HTTP_HOUSEHOLDS = Integer.getInteger("benchmark.httpHouseholds", 100);
    private static final int CLIENTS = 4;
    private static final String[] PATH = { PairingVariables.HOME_CHECK, PairingVariables.FIRST_REVIEW, "jobs",
            PairingVariables.SECOND_REVIEW, "notice", PairingVariables.STREET_REVIEW, "notice", PairingVariables.FILING,
            PairingVariables.CONFIRM_TEAM, PairingVariables.FIRST_VISIT_PLAN };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

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

    @Test
    void householdsThroughTheWholeProcedureAgainstTheBareEngine() throws Exception {
        List<long[]> generated = generate("基准户", HOUSEHOLDS * 2 + 20);
        deployBare();
        PairingFixture fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);

        // warm both up on a few households each
        List<long[]> warm = generated.subList(0, 20);
        List<long[]> measured = generated.subList(20, generated.size());
        run(warm.subList(0, 10), h -> bangfu(fx, h));
        run(warm.subList(10, 20), h -> bare(h));

        int half = measured.size() / 2;
        double bangfuSeconds = run(measured.subList(0, half), h -> bangfu(fx, h));
        double bareSeconds = run(measured.subList(half, measured.size()), h -> bare(h));
        int paired = jdbc.sql("select count(*) from bf_pairing_case where status = 'PAIRED' and started_by like 'street%'")
                .query(Integer.class).single();
        assertThat(paired).isGreaterThanOrEqualTo(half);

        int steps = 14; // 10 forms, 2 postings, the comparison job, 2 timers: the same on both sides
        System.out.println();
        System.out.printf(Locale.ROOT, "== Benchmark: %,d households through AssistancePairingProcess, %d clients%n",
                half, CLIENTS);
        System.out.printf(Locale.ROOT, "bare engine (same BPMN without Bangfu, same steps): %7.1f s  %6.1f ms/household  %6.1f households/s%n",
                bareSeconds, bareSeconds * 1000 / (measured.size() - half), (measured.size() - half) / bareSeconds);
        System.out.printf(Locale.ROOT, "Bangfu task service (forms, records, scopes):       %7.1f s  %6.1f ms/household  %6.1f households/s%n",
                bangfuSeconds, bangfuSeconds * 1000 / half, half / bangfuSeconds);
        System.out.printf(Locale.ROOT, "overhead over the bare engine: %.0f%% (per household, %d engine steps each)%n",
                (bangfuSeconds / half) / (bareSeconds / (measured.size() - half)) * 100 - 100, steps);
    }

    /**
     * A sample through the REST API as an integration would: HTTP Basic on every request (bcrypt each time),
     * start, then per step open the task and complete it with JSON.
     */
    @Test
    void aSampleThroughTheRestApi() throws Exception {
        List<long[]> generated = generate("接口户", HTTP_HOUSEHOLDS + 4);
        PairingFixture fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);
        ApiClient api = new ApiClient(port);
        ObjectMapper json = new ObjectMapper();
        int[] requests = new int[1];
        LongConsumer walk = householdId -> {
            String officer = jdbc.sql("""
                    select min(u.username) from bf_user_account u join bf_household h on h.street_id = u.street_id
                     where u.role = 'STREET' and h.id = ?""").param(householdId).query(String.class).single();
            HttpResponse<String> started = api.send(officer, "POST", "/api/households/" + householdId + "/pairing",
                    null, null, null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            PairingCase c = fx.as.call(officer, () -> pairing.cases(householdId).get(0));
            int sent = 1;
            for (String step : PATH) {
                if (step.equals("jobs")) {
                    jobs(fx.instances(c));
                    continue;
                }
                List<String> keys = step.equals("notice") ? List.of(PairingVariables.POST_NOTICE) : List.of(step);
                for (String key : keys) {
                    PairingFixture.OpenTask task = fx.task(c);
                    String worker = fx.worker(task);
                    assertThat(api.get(worker, "/api/tasks/" + task.id()).statusCode()).isEqualTo(200);
                    Map<String, Object> form = new HashMap<>(PairingFixture.validForm(key));
                    if (key.equals(PairingVariables.CONFIRM_TEAM)) {
                        form.put("teamId", runtime.getVariable(c.processInstanceId(), PairingVariables.PROPOSED_TEAM_ID));
                    }
                    try {
                        HttpResponse<String> done = api.send(worker, "POST", "/api/tasks/" + task.id() + "/complete",
                                "application/json", json.writeValueAsBytes(form), null);
                        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    sent += 2;
                }
                if (step.equals("notice")) {
                    jobs(fx.instances(c));
                }
            }
            synchronized (requests) {
                requests[0] += sent;
            }
        };
        run(generated.subList(0, 4), walk);
        requests[0] = 0;
        double seconds = run(generated.subList(4, generated.size()), walk);
        System.out.println();
        System.out.printf(Locale.ROOT, "== Benchmark: %,d households through the REST API, %d clients: %.1f s, %.0f ms/household,"
                + " %,d requests (%.1f ms/request; HTTP Basic hashes the password on each)%n", HTTP_HOUSEHOLDS, CLIENTS,
                seconds, seconds * 1000 / HTTP_HOUSEHOLDS, requests[0], seconds * 1000 * CLIENTS / requests[0]);
    }

    private double run(List<long[]> batch, LongConsumer walk) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (long[] h : batch) {
            futures.add(pool.submit(() -> walk.accept(h[0])));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return (System.nanoTime() - started) / 1e9;
    }

    // ---- Bangfu: the task service, as people work it ---------------------------------------------------

    private void bangfu(PairingFixture fx, long householdId) {
        String officer = jdbc.sql("""
                select min(u.username) from bf_user_account u join bf_household h on h.street_id = u.street_id
                 where u.role = 'STREET' and h.id = ?""").param(householdId).query(String.class).single();
        PairingCase c = fx.as.call(officer, () -> pairing.start(householdId));
        for (String step : PATH) {
            switch (step) {
                case "jobs" -> jobs(fx.instances(c));
                case "notice" -> {
                    complete(fx, c, PairingVariables.POST_NOTICE);
                    jobs(fx.instances(c));
                }
                default -> complete(fx, c, step);
            }
        }
    }

    private void complete(PairingFixture fx, PairingCase c, String key) {
        PairingFixture.OpenTask task = fx.task(c);
        if (!task.key().equals(key)) {
            throw new AssertionError("case " + c.id() + " waits at " + task.key() + ", not " + key);
        }
        Map<String, Object> form = new HashMap<>(PairingFixture.validForm(key));
        if (key.equals(PairingVariables.CONFIRM_TEAM)) {
            form.put("teamId", runtime.getVariable(c.processInstanceId(), PairingVariables.PROPOSED_TEAM_ID));
        }
        fx.as.run(fx.worker(task), () -> tasks.complete(task.id(), form));
    }

    /** Every job of the instances, due or not: the comparison and the notices' timers. */
    private void jobs(Collection<String> instances) {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String instance : instances) {
                jobs.addAll(management.createJobQuery().processInstanceId(instance).list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    // ---- the bare engine: the same processes without Bangfu ------------------------------------------

    private void bare(long householdId) {
        long street = jdbc.sql("select street_id from bf_household where id = ?").param(householdId).query(Long.class)
                .single();
        Map<String, Object> start = new HashMap<>();
        start.put(PairingVariables.STREET_ID, street);
        start.put(PairingVariables.WARNINGS_RAISED, false);
        start.put(PairingVariables.DISTRICT_TEAM_ID, 1L);
        start.put(PairingVariables.VILLAGE_TEAM_CASELOAD, null);
        start.put(PairingVariables.STREET_TEAM_CASELOAD, null);
        start.put(PairingVariables.VILLAGE_TEAM_ID, null);
        start.put(PairingVariables.STREET_TEAM_ID, null);
        ProcessInstance instance = runtime.startProcessInstanceByKey("BareAssistancePairingProcess", start);
        for (String step : PATH) {
            switch (step) {
                case "jobs" -> jobs(List.of(instance.getId()));
                case "notice" -> {
                    String notice = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                            .singleResult().getId();
                    Task post = taskService.createTaskQuery().processInstanceId(notice).singleResult();
                    taskService.complete(post.getId(), Map.of(PairingVariables.NOTICE_ENDS,
                            Date.from(BureauTime.today().plusDays(8).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))));
                    jobs(List.of(notice));
                }
                default -> {
                    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                    if (!task.getTaskDefinitionKey().equals(step)) {
                        throw new AssertionError("bare instance waits at " + task.getTaskDefinitionKey());
                    }
                    Map<String, Object> variables = new HashMap<>(Map.of(FormField.DECISION, PairingVariables.PASS));
                    if (step.equals(PairingVariables.CONFIRM_TEAM)) {
                        variables.put(PairingVariables.TEAM_ID, 1L);
                    }
                    taskService.complete(task.getId(), variables);
                }
            }
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
            throw new AssertionError("bare instance did not end");
        }
    }

    /** AssistancePairingProcess and PublicNoticeProcess without listeners and with no-op service tasks. */
    private void deployBare() throws Exception {
        BpmnModelInstance pairingModel = BareProcess.of("processes/AssistancePairingProcess.bpmn",
                "BareAssistancePairingProcess");
        for (CallActivity call : pairingModel.getModelElementsByType(CallActivity.class)) {
            call.setCalledElement("BarePublicNoticeProcess");
        }
        BpmnModelInstance noticeModel = BareProcess.of("processes/PublicNoticeProcess.bpmn", "BarePublicNoticeProcess");
        ServiceTask close = noticeModel.getModelElementById("Task_CloseNotice");
        close.setCamundaExpression("${'" + PairingVariables.NO_OBJECTION + "'}");
        close.setCamundaResultVariable(PairingVariables.NOTICE_OUTCOME);
        repository.createDeployment().name("benchmark: bare engine")
                .addModelInstance("BareAssistancePairingProcess.bpmn", pairingModel)
                .addModelInstance("BarePublicNoticeProcess.bpmn", noticeModel).deploy();
    }

    /** Households of two by bulk SQL, spread over the streets; their ids. */
    private List<long[]> generate(String prefix, int total) {
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, address, attribute, main_cause, stage,
                                          created_at, updated_at)
                select ? || g, v.street_id, v.id, '基准地址 ' || g, 'DIBAO', 'ILLNESS', 'IDENTIFICATION', now(), now()
                  from generate_series(1, ?) g
                  join bf_village v on v.code = 'S0' || (1 + g % 6) || '-V' || (1 + g % 2)""").params(prefix, total).update();
        jdbc.sql("""
                insert into bf_member (household_id, name, relation, gender, birth_date, id_number, active_id_number,
                                       created_at)
                select h.id, h.head_name || k, case k when 1 then 'HEAD' else 'SPOUSE' end,
                       case k when 1 then 'MALE' else 'FEMALE' end, date '1960-01-01' + (h.id % 20000)::int,
                       'B' || lpad((h.id * 2 + k)::text, 17, '0'), 'B' || lpad((h.id * 2 + k)::text, 17, '0'), now()
                  from bf_household h cross join generate_series(1, 2) k
                 where h.head_name like ? and not exists (select 1 from bf_member m where m.household_id = h.id)""")
                .param(prefix + "%").update();
        jdbc.sql("analyze bf_household").update();
        jdbc.sql("analyze bf_member").update();
        return jdbc.sql("select id from bf_household where head_name like ? order by id").param(prefix + "%")
                .query((rs, n) -> new long[] { rs.getLong(1) }).list();
    }
}
