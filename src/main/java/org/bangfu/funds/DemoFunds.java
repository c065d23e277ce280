package org.bangfu.funds;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.Csv;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Money;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the seed's figures. 780,000 yuan arranged for its 11 households this year (120,000 and 100,000
 * for the paired ones, 57,500 for each of the others), and 280,000 yuan released to the three paired households
 * in six releases, each requested by the team, approved by its leader and the district (60,000 also by a second
 * officer), paid through a bank batch and confirmed. Left for people to work: a request at the district's
 * approval, a payment waiting for the next bank file, and each paired household's release waiting for its
 * team's request. Through the facades and the task service as the demo accounts; once, not again on a restart.
 */
@Component
@Profile("demo")
@Order(30)
class DemoFunds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);
    static final Money ARRANGED = Money.ofYuan(780_000);
    static final Money RELEASED = Money.ofYuan(280_000);

    /** What each paired household (by head) has arranged, and the releases paid to it. */
    private static final Map<String, long[]> PAID = Map.of(
            "刘德明", new long[] { 120_000, 60_000, 40_000 },
            "张玉珍", new long[] { 100_000, 50_000, 40_000 },
            "马建军", new long[] { 100_000, 50_000, 40_000 });
    private static final long OTHERS = 57_500;

    private final JdbcClient jdbc;
    private final FundBudgets budgets;
    private final FundReleases releases;
    private final FundPayments payments;
    private final PairingTasks tasks;
    private final ManagementService management;
    private final UserDetailsService users;
    private final Clock clock;
    private final TaskService taskService;

    DemoFunds(JdbcClient jdbc, FundBudgets budgets, FundReleases releases, FundPayments payments, PairingTasks tasks,
            ManagementService management, TaskService taskService, UserDetailsService users, Clock clock) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.budgets = budgets;
        this.releases = releases;
        this.payments = payments;
        this.tasks = tasks;
        this.management = management;
        this.users = users;
        this.clock = clock;
    }

    private record Household(long id, String head, String member, String leader) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_fund_budget").query(Integer.class).single() > 0) {
            return;
        }
        List<Household> households = jdbc.sql("""
                select h.id, h.head_name,
                       (select min(username) from bf_user_account where team_id = h.team_id and role = 'TEAM_MEMBER'),
                       (select min(username) from bf_user_account where team_id = h.team_id and role = 'TEAM_LEADER')
                  from bf_household h where h.demo = true order by h.id""")
                .query((rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (households.size() != 11 || !households.stream().map(Household::head).toList().containsAll(PAID.keySet())) {
            return;
        }
        int year = LocalDate.now(clock).getYear();
        CurrentUser.runAsSystem(() -> {
            for (Household h : households) {
                long yuan = PAID.containsKey(h.head()) ? PAID.get(h.head())[0] : OTHERS;
                budgets.arrange(h.id(), year, Programme.GENERAL, 0, Money.ofYuan(yuan), "（演示）年度帮扶资金安排");
            }
        });
        Map<String, String> confirmation = new HashMap<>();
        List<Household> paired = households.stream().filter(h -> PAID.containsKey(h.head())).toList();
        for (Household h : paired) {
            long[] amounts = PAID.get(h.head());
            for (int i = 1; i < amounts.length; i++) {
                String release = requestAndApprove(h, amounts[i], i == 1 ? "HEALTH" : "LIVING");
                confirmation.put(pay(release), "PAID");
            }
        }
        long batch = as("district", payments::createBatch).id();
        as("district", () -> payments.reconcile(batch, csv(confirmation)));
        // work left waiting: a payment for the next bank file, a request at the district's approval
        pay(requestAndApprove(paired.get(0), 5_000, "EDUCATION"));
        Household second = paired.get(1);
        String waiting = as(second.member(), () -> releases.start(second.id()));
        complete(waiting, FundVariables.REQUEST, second.member(), request(8_000, "HOUSING"));
        complete(waiting, FundVariables.LEADER_APPROVAL, second.leader(), Map.of("decision", FundVariables.APPROVE));
        log.info("Demo: {} yuan arranged for {} households, {} yuan released", ARRANGED.format(), households.size(),
                RELEASED.format());
    }

    /** A release requested by the household's team and approved by every level it needs. */
    private String requestAndApprove(Household h, long yuan, String measure) {
        String release = as(h.member(), () -> releases.start(h.id()));
        complete(release, FundVariables.REQUEST, h.member(), request(yuan, measure));
        complete(release, FundVariables.LEADER_APPROVAL, h.leader(), Map.of("decision", FundVariables.APPROVE));
        complete(release, FundVariables.DISTRICT_APPROVAL, "district", Map.of("decision", FundVariables.APPROVE));
        if (openTask(release) != null) {
            complete(release, FundVariables.SECOND_DISTRICT_APPROVAL, "district2",
                    Map.of("decision", FundVariables.APPROVE));
        }
        return release;
    }

    private static Map<String, Object> request(long yuan, String measure) {
        return Map.of("decision", FundVariables.SUBMIT, "programme", Programme.GENERAL.name(), "amount",
                String.valueOf(yuan), "measure", measure, "purpose", "（演示）" + switch (measure) {
                    case "HEALTH" -> "住院治疗费用个人自付部分";
                    case "EDUCATION" -> "子女学杂费";
                    case "HOUSING" -> "危房加固材料费";
                    default -> "基本生活补助";
                });
    }

    /** Runs the release's payment job (unless the job executor got there first); its payment's reference. */
    private String pay(String release) {
        for (int attempt = 0; attempt < 50 && status(release).equals("INSTRUCTED"); attempt++) {
            Job job = management.createJobQuery().processInstanceId(release).singleResult();
            try {
                if (job != null) {
                    management.executeJob(job.getId());
                }
            } catch (RuntimeException takenByTheJobExecutor) {
                log.debug("Demo payment job taken meanwhile: {}", takenByTheJobExecutor.toString());
            }
            if (status(release).equals("INSTRUCTED")) {
                sleep();
            }
        }
        return jdbc.sql("""
                select p.reference from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where r.process_instance_id = ?""").param(release).query(String.class).single();
    }

    private String status(String release) {
        return jdbc.sql("""
                select p.status from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where r.process_instance_id = ?""").param(release).query(String.class).single();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String openTask(String release) {
        Task task = taskService.createTaskQuery().processInstanceId(release).singleResult();
        return task == null ? null : task.getId();
    }

    private void complete(String release, String key, String who, Map<String, Object> form) {
        String task = taskService.createTaskQuery().processInstanceId(release).taskDefinitionKey(key).singleResult()
                .getId();
        as(who, () -> {
            tasks.complete(task, new HashMap<>(form));
            return null;
        });
    }

    /** The bank's confirmation as the bank would send it, written as Bangfu writes every CSV file. */
    private static byte[] csv(Map<String, String> results) {
        List<String[]> lines = new ArrayList<>();
        results.forEach((reference, result) -> lines.add(new String[] { reference, result, "" }));
        return Csv.write(FundPayments.CONFIRMATION_COLUMNS, lines);
    }

    private <T> T as(String username, Supplier<T> work) {
        return CurrentUser.runAs(users.loadUserByUsername(username), work);
    }
}
