package org.bangfu.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.Resolution;
import org.bangfu.comparison.Warning;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
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
 * Demo profile only: every demo household gets its case, worked step by step by the demo accounts through the
 * task service up to the household's stage (valid forms, notices posted, periods ended a month ago where the
 * case is past them): paired households have gone all the way, the others wait at their step, so that every
 * role has work after signing in.
 */
@Component
@Profile("demo")
@Order(20)
class DemoPairing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPairing.class);

    /** The steps in the order a case meets them, and the stage at which a case stops before each. */
    private static final List<Map.Entry<HouseholdStage, String>> STEPS = List.of(
            Map.entry(HouseholdStage.HOME_CHECK, PairingVariables.HOME_CHECK),
            Map.entry(HouseholdStage.FIRST_REVIEW, PairingVariables.FIRST_REVIEW),
            Map.entry(HouseholdStage.COMPARISON, "compare"),
            Map.entry(HouseholdStage.SECOND_REVIEW, PairingVariables.SECOND_REVIEW),
            Map.entry(HouseholdStage.FIRST_NOTICE, "notice"),
            Map.entry(HouseholdStage.STREET_REVIEW, PairingVariables.STREET_REVIEW),
            Map.entry(HouseholdStage.SECOND_NOTICE, "notice"),
            Map.entry(HouseholdStage.FILING, PairingVariables.FILING),
            Map.entry(HouseholdStage.TEAM_ASSIGNMENT, PairingVariables.CONFIRM_TEAM),
            Map.entry(HouseholdStage.PLANNING, PairingVariables.FIRST_VISIT_PLAN));

    private final JdbcClient jdbc;
    private final Households households;
    private final Pairing pairing;
    private final PairingTasks tasks;
    private final Comparisons comparisons;
    private final ManagementService management;
    private final UserDetailsService users;
    private final Clock clock;

    DemoPairing(JdbcClient jdbc, Households households, Pairing pairing, PairingTasks tasks, Comparisons comparisons,
            ManagementService management, UserDetailsService users, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.pairing = pairing;
        this.tasks = tasks;
        this.comparisons = comparisons;
        this.management = management;
        this.users = users;
        this.clock = clock;
    }

    private record Demo(long id, HouseholdStage stage, long streetId, Long teamId) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from bf_pairing_case").query(Integer.class).single() > 0) {
            return;
        }
        List<Demo> demos = jdbc.sql("""
                select id, stage, street_id, team_id from bf_household
                 where demo = true and stage not in ('NOT_ELIGIBLE', 'EXITED', 'IDENTIFICATION') order by id""")
                .query((rs, n) -> new Demo(rs.getLong(1), HouseholdStage.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getObject(4, Long.class)))
                .list();
        for (Demo demo : demos) {
            String officer = jdbc.sql("""
                    select username from bf_user_account where role = 'STREET' and street_id = ?
                     order by username fetch first 1 rows only""").param(demo.streetId()).query(String.class).single();
            PairingCase c = as(officer, () -> {
                households.reachedStep(demo.id(), HouseholdStage.IDENTIFICATION);
                return pairing.start(demo.id());
            });
            walk(c, demo, officer);
        }
        if (!demos.isEmpty()) {
            log.info("Demo: {} households have an assistance-pairing case, each at its stage", demos.size());
        }
    }

    private void walk(PairingCase c, Demo demo, String officer) {
        for (Map.Entry<HouseholdStage, String> step : STEPS) {
            if (step.getKey() == demo.stage()) {
                if (demo.stage() == HouseholdStage.FIRST_NOTICE) {
                    // the village notice is up: its period runs, objections can come in
                    String taskId = taskId(c);
                    as(officer, () -> {
                        tasks.complete(taskId, Map.of("postedOn", today().toString(), "place", "村务公开栏"));
                        return null;
                    });
                }
                return;
            }
            if (step.getKey() == HouseholdStage.PLANNING) {
                completePlan(c, demo);
                return;
            }
            switch (step.getValue()) {
                case "compare" -> {
                    runJobs(c);
                    if (openTask(c).equals(PairingVariables.RESOLVE_WARNINGS)) {
                        dismissWarnings(c, officer);
                        complete(c, officer, Map.of("note", "（演示）逐条入户核实，均不影响认定"));
                    }
                }
                case "notice" -> {
                    String taskId = taskId(c);
                    // a period that ended a month ago, so that the case is past the notice
                    jdbc.sql("update bf_notice set created_at = ? where id = (select max(id) from bf_notice where case_id = ?)")
                            .params(OffsetDateTime.now(clock).minusDays(45).withOffsetSameInstant(ZoneOffset.UTC), c.id())
                            .update();
                    as(officer, () -> {
                        tasks.complete(taskId, Map.of("postedOn", today().minusDays(40).toString(), "place", "村务公开栏"));
                        return null;
                    });
                    runJobs(c);
                }
                case PairingVariables.FILING, PairingVariables.CONFIRM_TEAM -> complete(c, "district", form(step.getValue(), demo));
                default -> complete(c, officer, form(step.getValue(), demo));
            }
        }
    }

    private Map<String, Object> form(String key, Demo demo) {
        String date = today().minusDays(30).toString();
        return switch (key) {
            case PairingVariables.HOME_CHECK -> Map.of("visitDate", date, "visitors", "街道干部、村委会主任",
                    "findings", "（演示）入户查看住房、收入和家庭成员健康状况，情况属实", "decision", "PASS");
            case PairingVariables.FIRST_REVIEW, PairingVariables.SECOND_REVIEW -> Map.of("decision", "PASS",
                    "meetingDate", date, "place", "村委会会议室", "members", 27, "present", 23, "votesFor", 21,
                    "votesAgainst", 1, "votesAbstain", 1, "attendees", "（演示）村民代表23人，名单见会议记录");
            case PairingVariables.STREET_REVIEW -> Map.of("opinion", "（演示）材料齐全，程序合规", "decision", "PASS");
            case PairingVariables.FILING -> Map.of("opinion", "（演示）同意备案", "decision", "PASS");
            case PairingVariables.CONFIRM_TEAM -> {
                Map<String, Object> values = new HashMap<>();
                values.put("teamId", demo.teamId());
                values.put("overrideReason", "（演示）该小组已联系本户");
                yield values;
            }
            default -> throw new IllegalArgumentException(key);
        };
    }

    private void completePlan(PairingCase c, Demo demo) {
        String member = jdbc.sql("select username from bf_user_account where team_id = ? and role = 'TEAM_MEMBER'"
                + " order by username fetch first 1 rows only").param(demo.teamId()).query(String.class).single();
        complete(c, member, Map.of("decision", "PASS", "visitDate", today().minusDays(7).toString(),
                "visitors", "帮扶小组成员", "mainCause", "ILLNESS", "needs", "（演示）医疗费用报销、稳定收入",
                "assistingParty", "弋江区民政局", "measures", List.of("HEALTH", "PUBLIC_JOB"),
                "plan", "（演示）落实大病救助，推荐公益岗位，每月走访一次"));
    }

    private void dismissWarnings(PairingCase c, String officer) {
        long reportId = jdbc.sql("""
                select max(r.id) from bf_comparison_report r where r.household_id = ?""").param(c.householdId())
                .query(Long.class).single();
        as(officer, () -> {
            ComparisonReport report = comparisons.report(reportId).orElseThrow();
            for (Warning warning : report.warnings()) {
                if (warning.status() == Warning.Status.OPEN) {
                    comparisons.resolve(warning.id(), warning.version(), new Resolution(Warning.Status.DISMISSED, null,
                            "STILL_ELIGIBLE", "（演示）入户核实后仍符合条件"));
                }
            }
            return null;
        });
    }

    private void complete(PairingCase c, String username, Map<String, Object> form) {
        String taskId = taskId(c);
        as(username, () -> {
            tasks.complete(taskId, form);
            return null;
        });
    }

    private String taskId(PairingCase c) {
        return jdbc.sql("select task_id from bf_task where case_id = ?").param(c.id()).query(String.class).single();
    }

    private String openTask(PairingCase c) {
        return jdbc.sql("select task_key from bf_task where case_id = ?").param(c.id()).query(String.class).optional()
                .orElse("");
    }

    /** Runs the case's due jobs now (the comparison, an ended notice's timer), as the job executor would. */
    private void runJobs(PairingCase c) {
        for (int round = 0; round < 5; round++) {
            List<String> jobs = jdbc.sql("""
                    select j.ID_ from ACT_RU_JOB j join ACT_RU_EXECUTION e on e.ID_ = j.EXECUTION_ID_
                     where (e.PROC_INST_ID_ = ? or e.PROC_INST_ID_ in (select s.PROC_INST_ID_ from ACT_RU_EXECUTION s
                            where s.SUPER_EXEC_ in (select p.ID_ from ACT_RU_EXECUTION p where p.PROC_INST_ID_ = ?)))
                       and (j.DUEDATE_ is null or j.DUEDATE_ <= ?)""")
                    .params(c.processInstanceId(), c.processInstanceId(), new java.sql.Timestamp(clock.millis()))
                    .query(String.class).list();
            if (jobs.isEmpty()) {
                return;
            }
            for (String job : jobs) {
                try {
                    management.executeJob(job);
                } catch (OptimisticLockingException takenByTheJobExecutor) {
                    // the job executor ran it meanwhile
                }
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private <T> T as(String username, Supplier<T> work) {
        try {
            return CurrentUser.runAs(users.loadUserByUsername(username), work);
        } catch (RuntimeException e) {
            log.warn("Demo case stopped at a step worked by {}: {}", username, e.toString());
            throw e;
        }
    }
}
