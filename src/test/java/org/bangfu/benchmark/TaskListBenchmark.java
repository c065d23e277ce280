package org.bangfu.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.pairing.TaskFilter;
import org.bangfu.pairing.TaskFilter.Sort;
import org.bangfu.pairing.TaskFilter.View;
import org.bangfu.pairing.TaskRow;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.Timings;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task lists at 100,000 open tasks over 11 teams and 6 streets on PostgreSQL: the first page of a street's and
 * a team's list through Bangfu's task service (its task mirror joined to ACT_RU_TASK by id, households joined,
 * the caller's scope applied), against the stock Camunda TaskQuery with the candidate group, a
 * process-variable filter and authorization checks on, in the same run. Baseline: {@code select 1}.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class TaskListBenchmark {

    private static final int TASKS = Integer.getInteger("benchmark.tasks", 100_000);
    private static final int ROUNDS = 200;

    @Autowired
    PairingTasks tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    record Open(long householdId, long caseId, long streetId, long teamId) {
    }

    @Test
    void firstPageAtOneHundredThousandOpenTasks() {
        long started = System.nanoTime();
        generate();
        double generateSeconds = (System.nanoTime() - started) / 1e9;

        long street = jdbc.sql("select street_id from bf_user_account where username = 'street01'").query(Long.class)
                .single();
        long team = jdbc.sql("select team_id from bf_user_account where username = 'team01'").query(Long.class).single();
        String streetGroup = PairingVariables.streetGroup(street);
        String teamGroup = PairingVariables.teamGroup(team);
        for (String group : List.of(streetGroup, teamGroup)) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.TASK);
            read.setResourceId("*");
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
        TaskFilter mine = TaskFilter.of(View.GROUP);

        Timings baseline = new Timings("baseline: select 1 through the same pool", ROUNDS);
        Timings bangfuStreet = new Timings("Bangfu: street01's group, first page by due", ROUNDS);
        Timings bangfuTeam = new Timings("Bangfu: team01's group, first page by due", ROUNDS);
        Timings bangfuCount = new Timings("Bangfu: street01's group, count", ROUNDS);
        Timings stockStreet = new Timings("stock TaskQuery: street group + variable, page", ROUNDS);
        Timings stockTeam = new Timings("stock TaskQuery: team group + variable, page", ROUNDS);
        for (int warm = 0; warm < 20; warm++) {
            as("street01", () -> tasks.list(mine, Sort.DUE, 0, 50));
            as("team01", () -> tasks.list(mine, Sort.DUE, 0, 50));
            stock("street01", streetGroup, "streetId", street);
            stock("team01", teamGroup, "teamId", team);
        }
        for (int i = 0; i < ROUNDS; i++) {
            baseline.time(() -> jdbc.sql("select 1").query(Integer.class).single());
            bangfuStreet.time(() -> as("street01", () -> tasks.list(mine, Sort.DUE, 0, 50)));
            bangfuTeam.time(() -> as("team01", () -> tasks.list(mine, Sort.DUE, 0, 50)));
            bangfuCount.time(() -> as("street01", () -> tasks.count(mine)));
            stockStreet.time(() -> stock("street01", streetGroup, "streetId", street));
            stockTeam.time(() -> stock("team01", teamGroup, "teamId", team));
        }
        List<TaskRow> page = as("street01", () -> tasks.list(mine, Sort.DUE, 0, 50));
        assertThat(page).hasSize(50);
        assertThat(stock("street01", streetGroup, "streetId", street)).hasSize(50);
        int streetTasks = as("street01", () -> tasks.count(mine));

        System.out.println();
        System.out.printf(Locale.ROOT,
                "== Benchmark: task lists at %,d open tasks (generated in %.1f s); street01's group holds %,d%n",
                jdbc.sql("select count(*) from ACT_RU_TASK").query(Integer.class).single(), generateSeconds,
                streetTasks);
        for (Timings t : List.of(baseline, bangfuStreet, bangfuTeam, bangfuCount, stockStreet, stockTeam)) {
            System.out.println(t.row());
        }
        System.out.printf(Locale.ROOT,
                "target: p95 <= 20 ms and >= 10x the stock query -> street %.2f ms (%.1fx), team %.2f ms (%.1fx)%n",
                bangfuStreet.percentileMillis(95), stockStreet.percentileMillis(95) / bangfuStreet.percentileMillis(95),
                bangfuTeam.percentileMillis(95), stockTeam.percentileMillis(95) / bangfuTeam.percentileMillis(95));
    }

    private List<Task> stock(String user, String group, String variable, long value) {
        identity.setAuthentication(user, List.of(group));
        try {
            return taskService.createTaskQuery().taskCandidateGroup(group).processVariableValueEquals(variable, value)
                    .orderByDueDate().asc().listPage(0, 50);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Households and open cases by bulk SQL; the tasks by starting real process instances, so that Camunda's
     * tables, identity links, variables and history are what the engine writes. Every other task is a street's,
     * the rest a team's, each on a household of that street or team.
     */
    private void generate() {
        jdbc.sql("""
                insert into bf_household (head_name, street_id, village_id, address, attribute, main_cause, stage, team_id,
                                          created_at, updated_at)
                select substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', 1 + (g * 7) % 20, 1)
                       || substr('建国秀英志强玉兰德明淑芬长生丽华国庆大海桂兰', 1 + (g * 13) % 20, 2) || (g % 997),
                       t.street_id, v.id, '生成地址 ' || g, 'DIBAO', 'ILLNESS', 'HOME_CHECK', t.id, now(), now()
                  from generate_series(1, ?) g
                  join bf_team t on t.code = 'T' || lpad((1 + g % 11)::text, 2, '0')
                  join bf_village v on v.street_id = t.street_id
                   and v.code = (select code from bf_street s where s.id = t.street_id) || '-V' || (1 + g % 2)""")
                .param(TASKS).update();
        jdbc.sql("""
                insert into bf_pairing_case (household_id, open_household_id, status, started_by, started_at)
                select h.id, h.id, 'OPEN', 'benchmark', now() from bf_household h
                 where h.demo = false and not exists (select 1 from bf_pairing_case c where c.open_household_id = h.id)""")
                .update();
        List<Open> open = jdbc.sql("""
                select h.id, c.id, h.street_id, h.team_id from bf_household h
                  join bf_pairing_case c on c.open_household_id = h.id where h.demo = false order by h.id""")
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        for (int from = 0; from < open.size(); from += 1000) {
            List<Open> batch = open.subList(from, Math.min(open.size(), from + 1000));
            transactions.executeWithoutResult(tx -> batch.forEach(o -> runtime.startProcessInstanceByKey(
                    "BenchmarkTaskProcess", Map.of(PairingVariables.HOUSEHOLD_ID, o.householdId(),
                            PairingVariables.CASE_ID, o.caseId(), PairingVariables.STREET_ID, o.streetId(),
                            PairingVariables.TEAM_ID, o.teamId(), "group", o.householdId() % 2 == 0
                                    ? PairingVariables.streetGroup(o.streetId()) : PairingVariables.teamGroup(o.teamId())))));
        }
        for (String table : List.of("bf_household", "bf_task", "bf_pairing_case", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
                "ACT_RU_VARIABLE", "ACT_RU_EXECUTION")) {
            jdbc.sql("analyze " + table).update();
        }
    }

    private <T> T as(String username, Callable<T> work) {
        return new RunAs(users).call(username, work);
    }
}
