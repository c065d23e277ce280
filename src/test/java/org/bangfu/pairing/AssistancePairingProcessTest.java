package org.bangfu.pairing;

import static org.awaitility.Awaitility.await;
import static org.bangfu.pairing.PairingVariables.CONFIRM_TEAM;
import static org.bangfu.pairing.PairingVariables.FILING;
import static org.bangfu.pairing.PairingVariables.FIRST_REVIEW;
import static org.bangfu.pairing.PairingVariables.FIRST_VISIT_PLAN;
import static org.bangfu.pairing.PairingVariables.HOME_CHECK;
import static org.bangfu.pairing.PairingVariables.POST_NOTICE;
import static org.bangfu.pairing.PairingVariables.RESOLVE_WARNINGS;
import static org.bangfu.pairing.PairingVariables.SECOND_REVIEW;
import static org.bangfu.pairing.PairingVariables.STREET_REVIEW;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.bangfu.comparison.AgencyData;
import org.bangfu.comparison.AgencyKind;
import org.bangfu.comparison.ComparisonReport;
import org.bangfu.comparison.Comparisons;
import org.bangfu.comparison.Resolution;
import org.bangfu.comparison.Warning;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingFixture.Family;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every path of {@code AssistancePairingProcess}, walked through Bangfu's task service as the people who work
 * it, with the job executor off so that the comparison and the notices' timers run when the test says.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class AssistancePairingProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Households households;

    @Autowired
    Pairing pairing;

    @Autowired
    PairingTasks tasks;

    @Autowired
    Comparisons comparisons;

    @Autowired
    AgencyData agencyData;

    @Autowired
    UserDetailsService users;

    PairingFixture fx;

    @AfterEach
    void resetClock() {
        PairingFixture.resetClock();
    }

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new PairingFixture(new RunAs(users), jdbc, households, pairing, tasks, management);
    }

    final Map<Long, ProcessInstance> instances = new HashMap<>();

    /** The case's process instance, kept from its start so that camunda-bpm-assert reads its history once ended. */
    ProcessInstance instance(PairingCase c) {
        return instances.computeIfAbsent(c.id(), id -> runtime.createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult());
    }

    PairingCase start(Family family) {
        PairingCase c = fx.start(family);
        instance(c);
        return c;
    }

    HouseholdStage stage(Family family) {
        return HouseholdStage.valueOf(jdbc.sql("select stage from bf_household where id = ?").param(family.id())
                .query(String.class).single());
    }

    PairingCase.Status status(PairingCase c) {
        return PairingCase.Status.valueOf(jdbc.sql("select status from bf_pairing_case where id = ?").param(c.id())
                .query(String.class).single());
    }

    void assertEndedNotEligible(PairingCase c, Family family, String stepKey) {
        assertThat(instance(c)).hasPassed("Task_RejectCase").isEnded();
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.NOT_ELIGIBLE);
        Assertions.assertThat(status(c)).isEqualTo(PairingCase.Status.NOT_ELIGIBLE);
        Assertions.assertThat(jdbc.sql("select step_key from bf_letter where case_id = ?").param(c.id())
                .query(String.class).list()).containsExactly(stepKey);
        Assertions.assertThat(jdbc.sql("select count(*) from bf_task where case_id = ?").param(c.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void pairsAHouseholdThroughEveryStepAndKeepsItsStageInStep() {
        Family family = fx.family();
        PairingCase c = start(family);
        assertThat(instance(c)).isWaitingAt(HOME_CHECK);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.HOME_CHECK);

        fx.complete(c, HOME_CHECK);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.FIRST_REVIEW);
        fx.complete(c, FIRST_REVIEW);
        assertThat(instance(c)).isWaitingAt("Task_CompareHousehold");
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.FIRST_REVIEW);
        fx.runJobs(c);
        // no agency record of this family: no warnings, straight to the assembly
        assertThat(instance(c)).isWaitingAt(SECOND_REVIEW);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.SECOND_REVIEW);
        fx.complete(c, SECOND_REVIEW);
        assertThat(instance(c)).isWaitingAt("CallActivity_FirstNotice");
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.FIRST_NOTICE);
        fx.noticeWithoutObjection(c);
        assertThat(instance(c)).isWaitingAt(STREET_REVIEW);
        fx.complete(c, STREET_REVIEW);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.SECOND_NOTICE);
        fx.noticeWithoutObjection(c);
        assertThat(instance(c)).isWaitingAt(FILING);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.FILING);
        fx.complete(c, FILING);
        assertThat(instance(c)).isWaitingAt(CONFIRM_TEAM);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.TEAM_ASSIGNMENT);
        Long proposed = (Long) runtime.getVariable(c.processInstanceId(), PairingVariables.PROPOSED_TEAM_ID);
        Assertions.assertThat(proposed).isNotNull();
        fx.complete(c, CONFIRM_TEAM);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.PLANNING);
        Assertions.assertThat(jdbc.sql("select team_id from bf_household where id = ?").param(family.id())
                .query(Long.class).single()).isEqualTo(proposed);
        // the plan goes to the team the district confirmed
        Assertions.assertThat(jdbc.sql("select candidate_group from bf_task where case_id = ?").param(c.id())
                .query(String.class).single()).isEqualTo(PairingVariables.teamGroup(proposed));
        fx.complete(c, FIRST_VISIT_PLAN);

        assertThat(instance(c)).isEnded().hasPassedInOrder(HOME_CHECK, FIRST_REVIEW, "Task_CompareHousehold",
                SECOND_REVIEW, "CallActivity_FirstNotice", STREET_REVIEW, "CallActivity_SecondNotice", FILING,
                "Task_FileHousehold", "Task_CollectTeamCandidates", "BusinessRuleTask_ProposeTeam", CONFIRM_TEAM,
                "Task_AssignTeam", FIRST_VISIT_PLAN, "EndEvent_HouseholdPaired");
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.PAIRED);
        Assertions.assertThat(status(c)).isEqualTo(PairingCase.Status.PAIRED);
        Assertions.assertThat(jdbc.sql("select filing_no from bf_household where id = ?").param(family.id())
                .query(String.class).single()).matches("BA\\d{4}-\\d{5}");
        List<CaseStep> steps = fx.as.call("district", () -> pairing.steps(c.id()));
        Assertions.assertThat(steps).extracting(CaseStep::taskKey).containsExactly(HOME_CHECK, FIRST_REVIEW,
                SECOND_REVIEW, POST_NOTICE, STREET_REVIEW, POST_NOTICE, FILING, CONFIRM_TEAM, FIRST_VISIT_PLAN);
        Assertions.assertThat(steps.get(0).completedBy()).isEqualTo("street01");
        Assertions.assertThat(jdbc.sql("select count(*) from bf_review where case_id = ?").param(c.id())
                .query(Integer.class).single()).isEqualTo(2);
        // after the pairing's commit its HouseholdPaired reaches the funds and handbook modules' listeners through
        // the event publication registry: the first release and the periodic review start, nothing stays undelivered
        String fileNo = Households.fileNo(family.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Assertions.assertThat(running(fileNo, "FundReleaseProcess")).isOne();
            Assertions.assertThat(running(fileNo, "PeriodicReviewProcess")).isOne();
            Assertions.assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                    .param("%\"householdId\":" + family.id() + ",%").query(Integer.class).single()).isZero();
        });
    }

    private long running(String fileNo, String processKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(fileNo)
                .count();
    }

    @Test
    void aFailedHomeCheckEndsTheCaseWithALetter() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.complete(c, HOME_CHECK, Map.of("decision", "FAIL", "reason", "家庭收入高于认定标准"));
        assertEndedNotEligible(c, family, HOME_CHECK);
        Assertions.assertThat(jdbc.sql("select reason from bf_letter where case_id = ?").param(c.id())
                .query(String.class).single()).isEqualTo("家庭收入高于认定标准");
    }

    @Test
    void theFirstReviewSendsBackToTheHomeCheckAndCanFail() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.complete(c, HOME_CHECK);
        fx.complete(c, FIRST_REVIEW, Map.of("decision", "BACK", "reason", "核查记录缺少收入情况"));
        assertThat(instance(c)).isWaitingAt(HOME_CHECK);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.HOME_CHECK);
        fx.complete(c, HOME_CHECK);
        fx.complete(c, FIRST_REVIEW, Map.of("decision", "FAIL", "votesFor", 5, "votesAgainst", 17, "votesAbstain", 2,
                "reason", "多数村民认为不符合条件"));
        assertEndedNotEligible(c, family, FIRST_REVIEW);
    }

    @Nested
    class Comparison {

        Family familyWithACar() {
            Family family = fx.family();
            byte[] csv = ("身份证号,号牌号码,使用性质\r\n" + family.headId() + ",皖B6" + family.id() % 10000 + ",非营运\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            fx.as.call("district", () -> agencyData.importFile(AgencyKind.VEHICLE, "车辆" + family.id() + ".csv", csv,
                    Map.of(), null, AgencyData.Mode.ALL_OR_NOTHING));
            return family;
        }

        PairingCase toWarnings(Family family) {
            PairingCase c = start(family);
            fx.complete(c, HOME_CHECK);
            fx.complete(c, FIRST_REVIEW);
            fx.runJobs(c);
            assertThat(instance(c)).isWaitingAt(RESOLVE_WARNINGS);
            Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.COMPARISON);
            return c;
        }

        void resolveAll(PairingCase c, Resolution resolution) {
            long reportId = (Long) runtime.getVariable(c.processInstanceId(), PairingVariables.COMPARISON_REPORT_ID);
            ComparisonReport report = fx.as.call("street01", () -> comparisons.report(reportId).orElseThrow());
            for (Warning warning : report.warnings()) {
                fx.as.call("street01", () -> comparisons.resolve(warning.id(), warning.version(), resolution));
            }
        }

        @Test
        void openWarningsKeepTheStepOpenAndAConfirmedExclusionEndsTheCase() {
            Family family = familyWithACar();
            PairingCase c = toWarnings(family);
            Assertions.assertThatThrownBy(() -> fx.complete(c, RESOLVE_WARNINGS)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> Assertions.assertThat(((InvalidInput) e).errors())
                            .extracting(InvalidInput.FieldError::messageKey).containsExactly("pairing.warnings.open"));
            assertThat(instance(c)).isWaitingAt(RESOLVE_WARNINGS);
            resolveAll(c, new Resolution(Warning.Status.CONFIRMED, Warning.Consequence.EXCLUDE, "VERIFIED",
                    "入户核实，车辆为家庭自用"));
            fx.complete(c, RESOLVE_WARNINGS);
            assertEndedNotEligible(c, family, RESOLVE_WARNINGS);
        }

        @Test
        void dismissedWarningsGoOnToTheAssembly() {
            Family family = familyWithACar();
            PairingCase c = toWarnings(family);
            resolveAll(c, new Resolution(Warning.Status.DISMISSED, null, "WRONG_MATCH", "同名同号误匹配，已与车管所核对"));
            fx.complete(c, RESOLVE_WARNINGS);
            assertThat(instance(c)).isWaitingAt(SECOND_REVIEW);
            // the assembly sees the comparison's result
            String taskId = fx.task(c).id();
            Map<String, Object> context = fx.as.call("street01", () -> tasks.find(taskId).orElseThrow().context());
            Assertions.assertThat(context).containsEntry("warnings", 1).containsEntry("openWarnings", 0L)
                    .containsEntry("excludesHousehold", false);
        }

        @Test
        void withoutAnyAgencyDataTheComparisonWaitsInAnIncident() {
            Family family = fx.family();
            PairingCase c = start(family);
            fx.complete(c, HOME_CHECK);
            fx.complete(c, FIRST_REVIEW);
            jdbc.sql("update bf_comparison_rule set active = false").update();
            try {
                for (int attempt = 0; attempt < 3; attempt++) {
                    management.createJobQuery().processInstanceId(c.processInstanceId()).list().forEach(job -> {
                        try {
                            management.executeJob(job.getId());
                        } catch (RuntimeException expected) {
                            // the job fails, its retries count down
                        }
                    });
                }
                Assertions.assertThat(runtime.createIncidentQuery().processInstanceId(c.processInstanceId()).count())
                        .isEqualTo(1);
                assertThat(instance(c)).isWaitingAt("Task_CompareHousehold");
            } finally {
                jdbc.sql("update bf_comparison_rule set active = true").update();
            }
        }
    }

    @Test
    void theAssemblySendsBackToTheFirstReviewAndCanFail() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.walkTo(c, SECOND_REVIEW);
        fx.complete(c, SECOND_REVIEW, Map.of("decision", "BACK", "reason", "第一次评议记录不完整"));
        assertThat(instance(c)).isWaitingAt(FIRST_REVIEW);
        fx.complete(c, FIRST_REVIEW);
        fx.runJobs(c);
        fx.complete(c, SECOND_REVIEW, Map.of("decision", "FAIL", "votesFor", 10, "votesAgainst", 12, "votesAbstain", 2,
                "reason", "代表多数不同意"));
        assertEndedNotEligible(c, family, SECOND_REVIEW);
    }

    @Test
    void theStreetReviewSendsBackToTheAssemblyAndCanFail() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.walkTo(c, STREET_REVIEW);
        fx.complete(c, STREET_REVIEW, Map.of("decision", "BACK", "reason", "评议材料缺签名"));
        assertThat(instance(c)).isWaitingAt(SECOND_REVIEW);
        fx.complete(c, SECOND_REVIEW);
        fx.noticeWithoutObjection(c);
        fx.complete(c, STREET_REVIEW, Map.of("decision", "FAIL", "reason", "家庭成员有稳定工资收入"));
        assertEndedNotEligible(c, family, STREET_REVIEW);
    }

    @Test
    void filingSendsBackToTheStreetAndCanRefuse() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.walkTo(c, FILING);
        fx.complete(c, FILING, Map.of("decision", "BACK", "reason", "街道审核意见未盖章"));
        assertThat(instance(c)).isWaitingAt(STREET_REVIEW);
        fx.complete(c, STREET_REVIEW);
        fx.noticeWithoutObjection(c);
        fx.complete(c, FILING, Map.of("decision", "FAIL", "reason", "不符合特殊困难家庭认定条件"));
        assertEndedNotEligible(c, family, FILING);
        Assertions.assertThat(jdbc.sql("select filing_no from bf_household where id = ?").param(family.id())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void anotherTeamNeedsAReasonAndTheTeamCanSendTheCaseBack() {
        Family family = fx.family();
        PairingCase c = start(family);
        fx.walkTo(c, CONFIRM_TEAM);
        long proposed = (Long) runtime.getVariable(c.processInstanceId(), PairingVariables.PROPOSED_TEAM_ID);
        long other = jdbc.sql("select id from bf_team where id <> ? order by id fetch first 1 rows only").param(proposed)
                .query(Long.class).single();
        Assertions.assertThatThrownBy(() -> fx.complete(c, CONFIRM_TEAM, Map.of("teamId", other)))
                .isInstanceOf(InvalidInput.class);
        fx.complete(c, CONFIRM_TEAM, Map.of("teamId", other, "overrideReason", "该小组熟悉本村情况"));
        Assertions.assertThat(jdbc.sql("select team_id from bf_household where id = ?").param(family.id())
                .query(Long.class).single()).isEqualTo(other);
        String group = jdbc.sql("select candidate_group from bf_task where case_id = ?").param(c.id())
                .query(String.class).single();
        Assertions.assertThat(group).isEqualTo(PairingVariables.teamGroup(other));
        String member = jdbc.sql("select username from bf_user_account where team_id = ? and role = 'TEAM_MEMBER'"
                + " order by username fetch first 1 rows only").param(other).query(String.class).single();
        String taskId = fx.task(c).id();
        fx.as.run(member, () -> tasks.complete(taskId, Map.of("decision", "BACK", "reason", "距离过远，建议改派")));
        assertThat(instance(c)).isWaitingAt(CONFIRM_TEAM);
        Assertions.assertThat(stage(family)).isEqualTo(HouseholdStage.TEAM_ASSIGNMENT);
    }
}
