package org.bangfu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.bangfu.funds.FundBudgets;
import org.bangfu.funds.FundPayments;
import org.bangfu.funds.FundReleases;
import org.bangfu.funds.FundVariables;
import org.bangfu.funds.FundsFixture;
import org.bangfu.handbook.Confirmation;
import org.bangfu.handbook.Exits;
import org.bangfu.handbook.Visit;
import org.bangfu.handbook.VisitDraft;
import org.bangfu.handbook.Visits;
import org.bangfu.household.Households;
import org.bangfu.pairing.Pairing;
import org.bangfu.pairing.PairingCase;
import org.bangfu.pairing.PairingFixture;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * After random sequences of what the bureau does (files opened, cases started, steps completed, sent back and failed,
 * notices run out, money arranged, asked for, approved, paid and refused by the bank, visits recorded, exits
 * proposed), every figure of the dashboard equals a recount from the modules' own tables ({@link Recount}), for the
 * district, a street and a team, and again after a rebuild from scratch.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class DashboardRecountTest {

    private static final Logger log = LoggerFactory.getLogger(DashboardRecountTest.class);

    @Autowired
    Dashboard dashboard;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Households households;
    @Autowired
    Pairing pairing;
    @Autowired
    PairingTasks tasks;
    @Autowired
    ManagementService management;
    @Autowired
    FundBudgets budgets;
    @Autowired
    FundReleases releases;
    @Autowired
    FundPayments payments;
    @Autowired
    Visits visits;
    @Autowired
    Exits exits;
    @Autowired
    Clock clock;

    private RunAs as;
    private PairingFixture cases;
    private FundsFixture funds;
    private Random random;
    private final List<PairingFixture.Family> idle = new ArrayList<>();
    private final List<PairingCase> open = new ArrayList<>();
    private final List<Long> paired = new ArrayList<>();
    private final List<Long> fundedHouseholds = new ArrayList<>();
    private final Map<String, String> unpaidReleases = new HashMap<>();
    /** How often each kind of work was done, so that no kind is left out by chance. */
    private final Map<String, Integer> done = new java.util.TreeMap<>();

    @AfterEach
    void resetClock() {
        PairingFixture.resetClock();
    }

    @Test
    void everyFigureEqualsARecountFromTheSourceTablesAfterRandomWork() {
        as = new RunAs(users);
        cases = new PairingFixture(as, jdbc, households, pairing, tasks, management);
        funds = new FundsFixture(as, jdbc, households, budgets, releases, tasks, payments, management);
        for (long seed : new long[] { 7, 19, 2026 }) {
            random = new Random(seed);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 25; i++) {
                    operate();
                }
                assertFiguresMatchTheRecount("seed " + seed + " round " + round);
            }
        }
        as.run("admin", () -> dashboard.rebuild());
        assertFiguresMatchTheRecount("after a rebuild");
        log.info("work done: {}", done);
        assertThat(done).containsKeys("file", "case", "pass", "back", "fail", "paired", "arranged", "paid",
                "bankFailed", "returned", "visit", "exit");
    }

    private void did(String what) {
        done.merge(what, 1, Integer::sum);
    }

    private void operate() {
        int choice = random.nextInt(100);
        if (choice < 8 || idle.isEmpty() && open.isEmpty()) {
            idle.add(cases.family());
            did("file");
        } else if (choice < 18 && !idle.isEmpty()) {
            PairingFixture.Family family = idle.remove(random.nextInt(idle.size()));
            open.add(cases.start(family));
            did("case");
        } else if (choice < 70 && !open.isEmpty()) {
            // the oldest case half of the time, so that cases also reach their end
            advance(open.get(random.nextBoolean() ? 0 : random.nextInt(open.size())));
        } else if (choice < 82) {
            money();
        } else if (choice < 92 && !paired.isEmpty()) {
            visit(paired.get(random.nextInt(paired.size())));
        } else if (!paired.isEmpty()) {
            long household = paired.remove(random.nextInt(paired.size()));
            as.run(member(household), () -> exits.propose(household, "收入稳定，已连续六个月高于标准"));
            did("exit");
        }
    }

    /** One step of a case, most often passed, now and then sent back or failed. */
    private void advance(PairingCase c) {
        cases.runJobs(c);
        List<String> keys = jdbc.sql("select task_key from bf_task where case_id = ?").param(c.id()).query(String.class)
                .list();
        if (keys.isEmpty()) {
            settle(c);
            return;
        }
        String key = keys.get(0);
        int roll = random.nextInt(100);
        did(roll < 12 && key.equals(PairingVariables.HOME_CHECK) || roll < 10 && (key.equals(PairingVariables.STREET_REVIEW)
                || key.equals(PairingVariables.FILING)) ? "fail"
                : roll < 15 && (key.equals(PairingVariables.FIRST_REVIEW) || key.equals(PairingVariables.SECOND_REVIEW))
                        || roll < 25 && roll >= 10 && (key.equals(PairingVariables.STREET_REVIEW)
                                || key.equals(PairingVariables.FILING)) ? "back" : "pass");
        switch (key) {
            case PairingVariables.POST_NOTICE -> cases.noticeWithoutObjection(c);
            case PairingVariables.CONFIRM_TEAM -> cases.complete(c, key);
            case PairingVariables.RESOLVE_WARNINGS -> cases.complete(c, key);
            case PairingVariables.HOME_CHECK -> cases.complete(c, key, roll < 12
                    ? Map.of("decision", "FAIL", "reason", "家庭收入高于认定标准") : Map.of());
            case PairingVariables.FIRST_REVIEW, PairingVariables.SECOND_REVIEW -> cases.complete(c, key, roll < 15
                    ? Map.of("decision", "BACK", "reason", "记录不完整") : Map.of());
            case PairingVariables.STREET_REVIEW, PairingVariables.FILING -> cases.complete(c, key, roll < 10
                    ? Map.of("decision", "FAIL", "reason", "不符合认定条件")
                    : roll < 25 ? Map.of("decision", "BACK", "reason", "材料缺签名") : Map.of());
            default -> cases.complete(c, key);
        }
        cases.runJobs(c);
        settle(c);
    }

    /** A case that ended leaves the list of open ones; a paired household is visited and may exit later. */
    private void settle(PairingCase c) {
        String status = jdbc.sql("select status from bf_pairing_case where id = ?").param(c.id()).query(String.class)
                .single();
        if (!status.equals("OPEN")) {
            open.remove(c);
            if (status.equals("PAIRED")) {
                paired.add(c.householdId());
                did("paired");
            }
        }
    }

    /** Money: a new funded household, or one release of an earlier one through to the bank's answer. */
    private void money() {
        if (fundedHouseholds.isEmpty() || random.nextInt(3) == 0) {
            fundedHouseholds.add(funds.pairedHousehold(10_000 + random.nextInt(40) * 1_000));
            did("arranged");
            return;
        }
        long household = fundedHouseholds.get(random.nextInt(fundedHouseholds.size()));
        String release = funds.start(household);
        funds.request(release, String.valueOf(500 + random.nextInt(20) * 100));
        if (random.nextInt(5) == 0) {
            funds.complete(release, FundVariables.LEADER_APPROVAL, "lead01", Map.of("decision", "RETURN",
                    "opinion", "请补充用途说明"));
            did("returned");
            return;
        }
        funds.approve(release, FundVariables.LEADER_APPROVAL, "lead01");
        funds.approve(release, FundVariables.DISTRICT_APPROVAL, "district");
        funds.runPaymentJob(release);
        unpaidReleases.put(release, random.nextInt(4) == 0 ? "FAILED:账户已销户" : "PAID");
        if (unpaidReleases.size() >= 2) {
            long batch = funds.batch();
            Map<String, String> results = new HashMap<>();
            unpaidReleases.forEach((r, result) -> {
                results.put(funds.reference(r), result);
                did(result.equals("PAID") ? "paid" : "bankFailed");
            });
            funds.reconcile(batch, results);
            unpaidReleases.clear();
        }
    }

    private void visit(long household) {
        did("visit");
        LocalDate day = LocalDate.now(clock).minusDays(random.nextInt(5));
        as.run(member(household), () -> visits.record(household, new VisitDraft(day, Visit.Kind.PHONE, "帮扶小组成员",
                "电话回访，生活稳定", null, null, null, null, null, null, null, List.of(), Confirmation.NONE, null)));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String member(long household) {
        return jdbc.sql("""
                select min(a.username) from bf_user_account a join bf_household h on h.team_id = a.team_id
                 where h.id = ? and a.role = 'TEAM_MEMBER'""").param(household).query(String.class).single();
    }

    private void assertFiguresMatchTheRecount(String when) {
        Recount recount = new Recount(jdbc, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        long s01 = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        long team01 = jdbc.sql("select team_id from bf_user_account where username = 'team01'").query(Long.class).single();
        List<DashboardFilter> filters = List.of(DashboardFilter.thisYear(today),
                new DashboardFilter(today, today, s01, null), new DashboardFilter(today.minusMonths(2), today, null, team01),
                new DashboardFilter(today.withDayOfYear(1), today, s01, team01));
        for (DashboardFilter filter : filters) {
            // what paired households start by themselves (their review, a first release) runs after the pairing
            // commits: the figures are compared once the system is at rest
            for (int attempt = 1;; attempt++) {
                Overview figures = as.call("district", () -> dashboard.overview(filter));
                Overview counted = recount.overview(filter, today, figures.fieldWork().soonDays());
                try {
                    assertThat(figures).as(when + ", " + filter).usingRecursiveComparison()
                            .ignoringFieldsMatchingRegexes(".*waitingDays", ".*medianDays").isEqualTo(counted);
                    break;
                } catch (AssertionError stillMoving) {
                    if (attempt == 10) {
                        throw stillMoving;
                    }
                    log.info("{}: not at rest yet (attempt {})", when, attempt);
                    sleep();
                }
            }
        }
        log.info("{}: the dashboard equals the recount ({} files, {} steps waiting, {} ledger entries)", when,
                jdbc.sql("select count(*) from bf_household").query(Long.class).single(),
                jdbc.sql("select count(*) from bf_task").query(Long.class).single(),
                jdbc.sql("select count(*) from bf_fund_ledger").query(Long.class).single());
    }
}
