package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import org.bangfu.shared.BureauTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bangfu.household.Attribute;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every path of {@code PeriodicReviewProcess}: the interval by class, the timer falling due on the engine's clock,
 * a review refused without its visit, then continued, adjusted, and ended by a proposal to exit.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class PeriodicReviewProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    DecisionService decisions;

    @Autowired
    Reviews reviews;

    @Autowired
    Households households;

    @Autowired
    Visits visits;

    @Autowired
    PairingTasks tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RunAs as;

    @BeforeEach
    void setUp() {
        init(engine);
        as = new RunAs(users);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theIntervalFollowsTheHouseholdsClass() {
        assertThat(interval("TEKUN")).isEqualTo("P3M");
        assertThat(interval("DIBAO")).isEqualTo("P6M");
        assertThat(interval("GENERAL")).isEqualTo("P1Y");
    }

    private String interval(String attribute) {
        return decisions.evaluateDecisionTableByKey("ReviewFrequencyDecision",
                Variables.putValue(ReviewVariables.HOUSEHOLD_ATTRIBUTE, attribute)).getSingleEntry();
    }

    @Test
    void aReviewFallsDueIsConcludedOnAVisitAndComesRoundAgainUntilExitIsProposed() {
        long household = new HandbookFixture(as, jdbc, households, reviews).pairedHousehold("team05", Attribute.TEKUN);
        long caseId = jdbc.sql("select max(id) from bf_pairing_case where household_id = ?").param(household)
                .query(Long.class).single();
        long team = jdbc.sql("select team_id from bf_household where id = ?").param(household).query(Long.class).single();
        reviews.start(household, caseId, team);
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS)
                .processInstanceBusinessKey(Households.fileNo(household)).list();
        assertThat(running).as("a second start while one runs does nothing").hasSize(1);
        ProcessInstance pi = running.get(0);

        BpmnAwareTests.assertThat(pi).isWaitingAt("TimerEvent_ReviewDue").variables()
                .containsEntry(ReviewVariables.HOUSEHOLD_ATTRIBUTE, "TEKUN")
                .containsEntry(ReviewVariables.INTERVAL, "P3M");
        LocalDate due = BureauTime.today().plusMonths(3);
        assertThat(reviews.schedule(household)).hasValueSatisfying(s -> assertThat(s.dueOn()).isEqualTo(due));
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due.atStartOfDay(BureauTime.zone()).toInstant()));

        // not due the day before, due on the day, on the engine's clock
        ClockUtil.setCurrentTime(Date.from(due.minusDays(1).atStartOfDay(BureauTime.zone()).toInstant()));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(due.atTime(8, 0).atZone(BureauTime.zone()).toInstant()));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count()).isOne();
        // the review is worked today: the task appears now, and today's visit is on or after that
        ClockUtil.reset();
        fire(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt(ReviewVariables.REVIEW_VISIT);
        assertThat(jdbc.sql("select candidate_group from bf_task where household_id = ? and task_key = ?")
                .params(household, ReviewVariables.REVIEW_VISIT).query(String.class).single()).isEqualTo("team-" + team);

        assertThatThrownBy(() -> complete(pi, "team05", ReviewVariables.CONTINUE, "情况稳定"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.review.visitMissing"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(ReviewVariables.REVIEW_VISIT);

        visit(household, "复核走访：身体状况稳定，五保供养金按时发放");
        complete(pi, "team05", ReviewVariables.CONTINUE, "情况稳定，继续帮扶");
        BpmnAwareTests.assertThat(pi).isWaitingAt("TimerEvent_ReviewDue");

        fire(pi);
        visit(household, "复核走访：住房漏雨，需维修");
        complete(pi, "team05", ReviewVariables.ADJUST, "增加危房改造措施");
        BpmnAwareTests.assertThat(pi).isWaitingAt(ReviewVariables.ADJUST_MEASURES);
        complete(pi, "team05", ReviewVariables.ADJUSTED, "已新增危房改造措施");
        BpmnAwareTests.assertThat(pi).isWaitingAt("TimerEvent_ReviewDue");

        fire(pi);
        complete(pi, "team05", ReviewVariables.PROPOSE_EXIT, "收入稳定超过六个月");
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("StartEvent_HouseholdPaired", "Task_ReadHouseholdClass",
                "BusinessRuleTask_ReviewFrequency", "Task_ScheduleReview", "TimerEvent_ReviewDue",
                ReviewVariables.REVIEW_VISIT, "Task_ReadHouseholdClass", "TimerEvent_ReviewDue",
                ReviewVariables.REVIEW_VISIT, ReviewVariables.ADJUST_MEASURES, "Task_ReadHouseholdClass",
                "TimerEvent_ReviewDue", ReviewVariables.REVIEW_VISIT, "Task_ProposeExit", "EndEvent_ExitProposed");
        assertThat(jdbc.sql("select conclusion from bf_periodic_review where household_id = ? order by id").param(household)
                .query(String.class).list()).containsExactly("CONTINUE", "ADJUST", "PROPOSE_EXIT");
    }

    private void fire(ProcessInstance pi) {
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
    }

    private void visit(long household, String findings) {
        as.run("team05", () -> visits.record(household, new VisitDraft(BureauTime.today(), Visit.Kind.PHONE, "team05",
                findings, null, null, null, null, null, null, null, List.of(), Confirmation.NONE, null)));
    }

    private void complete(ProcessInstance pi, String who, String decision, String opinion) {
        String task = jdbc.sql("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?").param(pi.getId())
                .query(String.class).single();
        as.run(who, () -> tasks.complete(task, Map.of("decision", decision, "opinion", opinion)));
    }
}
