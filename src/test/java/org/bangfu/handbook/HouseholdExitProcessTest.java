package org.bangfu.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.household.Attribute;
import org.bangfu.household.Households;
import org.bangfu.pairing.Notices;
import org.bangfu.pairing.Objection;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * Every path of {@code HouseholdExitProcess} on one paired household of team01: not confirmed at home, rejected by the
 * district, objected to in the notice (each time assistance and its reviews go on), and finally approved (the
 * household leaves, its handbook read-only); and a periodic review's proposal starting it.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HouseholdExitProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    Exits exits;

    @Autowired
    Reviews reviews;

    @Autowired
    Visits visits;

    @Autowired
    Households households;

    @Autowired
    Notices notices;

    @Autowired
    PairingTasks tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    RunAs as;
    HandbookFixture fx;

    @BeforeEach
    void setUp() {
        init(engine);
        as = new RunAs(users);
        fx = new HandbookFixture(as, jdbc, households, reviews);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static String text(byte[] pdf) {
        try {
            return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replace(" ", "").replace("\n", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProcessInstance exitProcess(long household) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExitVariables.PROCESS)
                .processInstanceBusinessKey(Households.fileNo(household)).active().singleResult();
    }

    private boolean reviewed(long household) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS)
                .processInstanceBusinessKey(Households.fileNo(household)).count() == 1;
    }

    private String stage(long household) {
        return jdbc.sql("select stage from bf_household where id = ?").param(household).query(String.class).single();
    }

    private List<String> statuses(long household) {
        return jdbc.sql("select status from bf_exit where household_id = ? order by id").param(household)
                .query(String.class).list();
    }

    /** Completes the only open task of the household's exit (or its notice) as {@code who}. */
    private void complete(long household, String key, String who, Map<String, Object> form) {
        String task = jdbc.sql("select task_id from bf_task where household_id = ? and task_key = ?")
                .params(household, key).query(String.class).single();
        as.run(who, () -> tasks.complete(task, new HashMap<>(form)));
    }

    private String streetOfficer(long household) {
        return jdbc.sql("""
                select min(u.username) from bf_user_account u join bf_household h on h.street_id = u.street_id
                 where h.id = ? and u.role = 'STREET'""").param(household).query(String.class).single();
    }

    private void postNotice(long household) {
        complete(household, PairingVariables.POST_NOTICE, streetOfficer(household),
                Map.of("postedOn", BureauTime.today().toString(), "place", "村务公开栏"));
    }

    private void passNoticePeriod(long household) {
        String notice = jdbc.sql("""
                select process_instance_id from bf_notice where household_id = ? and purpose = 'EXIT'
                 order by id desc fetch first 1 rows only""").param(household).query(String.class).single();
        Job timer = management.createJobQuery().processInstanceId(notice).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        management.executeJob(timer.getId());
        ClockUtil.reset();
    }

    @Test
    void eachWayAProposalCanEndAndFinallyTheHouseholdLeavesAssistance() {
        long household = fx.pairedHousehold("team01", Attribute.DIBAO);
        String officer = streetOfficer(household);
        assertThat(reviewed(household)).isTrue();

        // not confirmed at home
        as.run("team01", () -> exits.propose(household, "家庭年收入连续六个月超过低保标准"));
        ProcessInstance first = exitProcess(household);
        BpmnAwareTests.assertThat(first).isWaitingAt(ExitVariables.HOME_CHECK);
        assertThatThrownBy(() -> as.run("team01", () -> exits.propose(household, "再次提议")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.exit.open"));
        complete(household, ExitVariables.HOME_CHECK, officer, Map.of("decision", "NOT_CONFIRMED",
                "findings", "主要劳动力刚失业，收入不稳定"));
        BpmnAwareTests.assertThat(first).isEnded().hasPassedInOrder("Task_ExitHomeCheck", "Task_ResumeAssistance",
                "EndEvent_AssistanceContinues");

        // rejected by the district after a notice without objection
        as.run("lead01", () -> exits.propose(household, "收入稳定"));
        ProcessInstance second = exitProcess(household);
        complete(household, ExitVariables.HOME_CHECK, officer, Map.of("decision", "CONFIRM", "findings", "收入稳定"));
        BpmnAwareTests.assertThat(second).isWaitingAt("CallActivity_ExitNotice");
        long notice = jdbc.sql("select id from bf_notice where household_id = ? and purpose = 'EXIT'").param(household)
                .query(Long.class).single();
        byte[] printed = as.call(officer, () -> notices.pdf(notice));
        assertThat(text(printed)).contains("特殊困难家庭退出结对帮扶村级公示", "拟退出结对帮扶");
        postNotice(household);
        passNoticePeriod(household);
        BpmnAwareTests.assertThat(second).isWaitingAt(ExitVariables.DISTRICT_APPROVAL);
        assertThatThrownBy(() -> complete(household, ExitVariables.DISTRICT_APPROVAL, "district",
                Map.of("decision", "REJECT_EXIT")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("opinion"));
        complete(household, ExitVariables.DISTRICT_APPROVAL, "district", Map.of("decision", "REJECT_EXIT",
                "opinion", "患病家庭成员仍需长期治疗，暂缓退出"));
        BpmnAwareTests.assertThat(second).isEnded().hasPassed("Task_ResumeAssistance");

        // objected to in the notice, and the objection upheld
        as.run("district", () -> exits.propose(household, "收入稳定"));
        ProcessInstance third = exitProcess(household);
        complete(household, ExitVariables.HOME_CHECK, officer, Map.of("decision", "CONFIRM", "findings", "收入稳定"));
        postNotice(household);
        long posted = jdbc.sql("select id from bf_notice where household_id = ? and purpose = 'EXIT' and status = 'POSTED'")
                .param(household).query(Long.class).single();
        as.run(officer, () -> notices.raiseObjection(posted, new Objection.Draft(BureauTime.today(),
                Objection.Channel.VISIT, "村民", null, "该户收入并不稳定")));
        complete(household, PairingVariables.RECHECK, officer, Map.of("findings", "入户复核属实", "decision", "UPHOLD",
                "reason", "收入确不稳定"));
        BpmnAwareTests.assertThat(third).isEnded().hasPassed("Task_ResumeAssistance").hasNotPassed("Task_DistrictExitApproval");

        assertThat(statuses(household)).containsExactly("NOT_CONFIRMED", "REJECTED", "OBJECTED");
        assertThat(stage(household)).isEqualTo("PAIRED");
        assertThat(reviewed(household)).as("the household's reviews go on").isTrue();

        // approved: the household leaves assistance and its handbook stays, read-only
        as.run("team01", () -> exits.propose(household, "收入稳定超过六个月，住房安全"));
        ProcessInstance fourth = exitProcess(household);
        complete(household, ExitVariables.HOME_CHECK, officer, Map.of("decision", "CONFIRM", "findings", "收入稳定"));
        postNotice(household);
        passNoticePeriod(household);
        complete(household, ExitVariables.DISTRICT_APPROVAL, "district", Map.of("decision", "APPROVE"));
        // (the call activity's history ends with the notice it called, not in order with its neighbours)
        BpmnAwareTests.assertThat(fourth).isEnded().hasPassed("CallActivity_ExitNotice").hasPassedInOrder(
                "StartEvent_ExitProposed", "Task_ExitHomeCheck", "Task_DistrictExitApproval", "Task_ExitHousehold",
                "EndEvent_HouseholdExited").hasNotPassed("Task_ResumeAssistance");
        assertThat(stage(household)).isEqualTo("EXITED");
        assertThat(statuses(household)).containsExactly("NOT_CONFIRMED", "REJECTED", "OBJECTED", "EXITED");
        assertThat(reviewed(household)).as("reviews end with assistance").isFalse();
        assertThat(reviews.schedule(household)).isEmpty();
        assertThatThrownBy(() -> as.run("team01", () -> visits.record(household, new VisitDraft(BureauTime.today(),
                Visit.Kind.PHONE, "team01", "回访", null, null, null, null, null, null, null, List.of(),
                Confirmation.NONE, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.exited"));
        assertThatThrownBy(() -> as.run("team01", () -> exits.propose(household, "再次")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::messageKey)
                        .containsExactly("handbook.exit.notPaired"));
    }

    @Test
    void aReviewThatProposesExitHandsTheHouseholdToTheExitProcess() {
        long household = fx.pairedHousehold("team01", Attribute.DIBAO);
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.PROCESS)
                .processInstanceBusinessKey(Households.fileNo(household)).singleResult();
        management.executeJob(management.createJobQuery().processInstanceId(review.getId()).timers().singleResult().getId());
        as.run("team01", () -> visits.record(household, new VisitDraft(BureauTime.today(), Visit.Kind.PHONE, "team01",
                "收入稳定", null, null, null, null, null, null, null, List.of(), Confirmation.NONE, null)));
        complete(household, ReviewVariables.REVIEW_VISIT, "team01", Map.of("decision", "PROPOSE_EXIT",
                "opinion", "务工收入稳定超过六个月"));

        BpmnAwareTests.assertThat(review).isEnded().hasPassed("Task_ProposeExit", "EndEvent_ExitProposed");
        BpmnAwareTests.assertThat(exitProcess(household)).isWaitingAt(ExitVariables.HOME_CHECK);
        assertThat(as.call("team01", () -> exits.ofHousehold(household))).extracting(Exits.Proposal::reasons,
                Exits.Proposal::proposedBy).containsExactly(org.assertj.core.groups.Tuple.tuple("务工收入稳定超过六个月",
                        "team01"));
    }
}
