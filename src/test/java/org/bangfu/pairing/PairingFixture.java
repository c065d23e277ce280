package org.bangfu.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.BureauTime;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestIds;
import org.bangfu.testsupport.TestNames;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Households in street S01 and the steps of their cases, worked as the people who work them: street01 for the
 * street's steps, district for filing and the team, team01 for the first visit. Valid forms by default.
 */
public class PairingFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger(300);

    final RunAs as;
    final JdbcClient jdbc;
    final Households households;
    final Pairing pairing;
    final PairingTasks tasks;
    final ManagementService management;

    public PairingFixture(RunAs as, JdbcClient jdbc, Households households, Pairing pairing, PairingTasks tasks,
            ManagementService management) {
        this.as = as;
        this.jdbc = jdbc;
        this.households = households;
        this.pairing = pairing;
        this.tasks = tasks;
        this.management = management;
    }

    /** A new household of two in S01-V1 (no team yet), and the ID number of its head. */
    public record Family(long id, String headId) {
    }

    public Family family() {
        int n = SERIAL.incrementAndGet();
        LocalDate birth = LocalDate.of(1958, 3, 1).plusDays(n * 2L);
        String head = TestIds.id(birth, 201);
        long village = jdbc.sql("select id from bf_village where code = 'S01-V1'").query(Long.class).single();
        long street = jdbc.sql("select id from bf_street where code = 'S01'").query(Long.class).single();
        String name = TestNames.numbered("结对户", n);
        return as.call("street01", () -> {
            HouseholdFile file = households.create(new HouseholdDraft(name, street, village, "结对路" + n + "号",
                    "13855301234", "6217001234567001", Attribute.DIBAO, new BigDecimal("40"), "BRICK_CONCRETE", "NONE",
                    null, "ILLNESS", List.of(), null, null));
            households.addMember(file.id(), member(name, "HEAD", head));
            households.addMember(file.id(), member(TestNames.numbered("配偶", n), "SPOUSE", TestIds.id(birth.plusDays(1), 202)));
            return new Family(file.id(), head);
        });
    }

    private static MemberDraft member(String name, String relation, String idNumber) {
        return new MemberDraft(name, relation, null, null, idNumber, "JUNIOR", "NOT_IN_SCHOOL", "ORDINARY", "HEALTHY",
                null, null, true, false);
    }

    public PairingCase start(Family family) {
        return as.call("street01", () -> pairing.start(family.id()));
    }

    /** The open task of a case (in the case's process or a notice it called): its id and key. */
    public record OpenTask(String id, String key) {
    }

    public OpenTask task(PairingCase pairingCase) {
        List<OpenTask> open = jdbc.sql("select task_id, task_key from bf_task where case_id = ?")
                .param(pairingCase.id()).query((rs, n) -> new OpenTask(rs.getString(1), rs.getString(2))).list();
        if (open.size() != 1) {
            throw new AssertionError("expected one open task of case " + pairingCase.id() + ", found " + open);
        }
        return open.get(0);
    }

    /** Who works a step: an officer of the household's street, the district, or a member of the team it went to. */
    String worker(OpenTask task) {
        String group = jdbc.sql("select candidate_group from bf_task where task_id = ?").param(task.id())
                .query(String.class).single();
        if (group.startsWith("team-")) {
            return jdbc.sql("""
                    select username from bf_user_account where team_id = ? and role = 'TEAM_MEMBER'
                     order by username fetch first 1 rows only""")
                    .param(Long.parseLong(group.substring(5))).query(String.class).single();
        }
        if (group.startsWith("street-")) {
            return jdbc.sql("select min(username) from bf_user_account where role = 'STREET' and street_id = ?")
                    .param(Long.parseLong(group.substring(7))).query(String.class).single();
        }
        return "district";
    }

    /** Completes the case's open task with the default valid form, changed by {@code overrides}. */
    public void complete(PairingCase pairingCase, String expectedKey, Map<String, Object> overrides) {
        OpenTask task = task(pairingCase);
        if (!task.key().equals(expectedKey)) {
            throw new AssertionError("expected " + expectedKey + " but the case waits at " + task.key());
        }
        Map<String, Object> form = new HashMap<>(validForm(expectedKey));
        if (expectedKey.equals(PairingVariables.CONFIRM_TEAM)) {
            form.put("teamId", as.call("district", () -> tasks.find(task.id()).orElseThrow().context().get("proposedTeamId")));
        }
        form.putAll(overrides);
        form.values().removeIf(value -> value == null);
        as.run(worker(task), () -> tasks.complete(task.id(), form));
    }

    public void complete(PairingCase pairingCase, String expectedKey) {
        complete(pairingCase, expectedKey, Map.of());
    }

    /** Runs the case's jobs that are due by the engine's clock (the asynchronous comparison, an ended period). */
    public void runJobs(PairingCase pairingCase) {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String instance : instances(pairingCase)) {
                jobs.addAll(management.createJobQuery().processInstanceId(instance).executable().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** The case's process instance and the notices it called. */
    List<String> instances(PairingCase pairingCase) {
        List<String> instances = new ArrayList<>(List.of(pairingCase.processInstanceId()));
        instances.addAll(jdbc.sql("""
                select distinct process_instance_id from bf_notice where case_id = ?""").param(pairingCase.id())
                .query(String.class).list());
        return instances;
    }

    /** The timer of the notice the case waits in. */
    Job noticeTimer(PairingCase pairingCase) {
        String notice = jdbc.sql("select process_instance_id from bf_notice where case_id = ? order by id desc"
                + " fetch first 1 rows only").param(pairingCase.id()).query(String.class).single();
        return management.createJobQuery().processInstanceId(notice).timers().singleResult();
    }

    /**
     * Moves the engine's clock past the end of the notice period (never backwards: the history keeps its order)
     * and lets the timer fire. Tests put the clock back afterwards ({@link #resetClock()}).
     */
    public void passNoticePeriod(PairingCase pairingCase) {
        Job timer = noticeTimer(pairingCase);
        ClockUtil.setCurrentTime(new Date(Math.max(ClockUtil.getCurrentTime().getTime(),
                timer.getDuedate().getTime() + 60_000)));
        runJobs(pairingCase);
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** Posts the notice the case waits at and lets its period end without objection. */
    public void noticeWithoutObjection(PairingCase pairingCase) {
        complete(pairingCase, PairingVariables.POST_NOTICE);
        passNoticePeriod(pairingCase);
    }

    /** Walks a new case with valid forms until it waits at {@code key}. */
    public void walkTo(PairingCase c, String key) {
        String[] path = { PairingVariables.HOME_CHECK, PairingVariables.FIRST_REVIEW, "compare",
                PairingVariables.SECOND_REVIEW, "notice", PairingVariables.STREET_REVIEW, "notice",
                PairingVariables.FILING, PairingVariables.CONFIRM_TEAM, PairingVariables.FIRST_VISIT_PLAN };
        for (String step : path) {
            if (step.equals("compare")) {
                runJobs(c);
                continue;
            }
            if (task(c).key().equals(key)) {
                return;
            }
            if (step.equals("notice")) {
                noticeWithoutObjection(c);
            } else {
                complete(c, step);
            }
        }
    }

    static Map<String, Object> validForm(String key) {
        String today = BureauTime.today().toString();
        return switch (key) {
            case PairingVariables.HOME_CHECK -> Map.of("visitDate", today, "visitors", "张明、李华",
                    "findings", "房屋破旧，户主患慢性病，无稳定收入", "decision", "PASS");
            case PairingVariables.FIRST_REVIEW, PairingVariables.SECOND_REVIEW -> Map.of("decision", "PASS",
                    "meetingDate", today, "place", "村委会会议室", "members", 30, "present", 24, "votesFor", 20,
                    "votesAgainst", 2, "votesAbstain", 2, "attendees", "村民代表24人（名单附后）");
            case PairingVariables.RESOLVE_WARNINGS -> Map.of("note", "逐条核实完毕");
            case PairingVariables.STREET_REVIEW -> Map.of("opinion", "材料齐全，程序合规", "decision", "PASS");
            case PairingVariables.FILING -> Map.of("opinion", "同意备案", "decision", "PASS");
            case PairingVariables.POST_NOTICE -> Map.of("postedOn", today, "place", "村务公开栏");
            case PairingVariables.RECHECK -> Map.of("findings", "入户复核", "decision", "DISMISS", "reason", "反映情况不属实");
            case PairingVariables.CONFIRM_TEAM -> Map.of();
            case PairingVariables.FIRST_VISIT_PLAN -> Map.of("decision", "PASS", "visitDate", today,
                    "visitors", "第一帮扶小组成员", "mainCause", "ILLNESS", "needs", "医疗费用报销、稳定收入",
                    "assistingParty", "区民政局", "measures", List.of("HEALTH", "EMPLOYMENT"), "plan", "落实大病救助，推荐公益岗位");
            default -> throw new IllegalArgumentException(key);
        };
    }
}
