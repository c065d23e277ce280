package org.bangfu.funds;

import static org.bangfu.funds.FundVariables.DISTRICT_APPROVAL;
import static org.bangfu.funds.FundVariables.LEADER_APPROVAL;
import static org.bangfu.funds.FundVariables.REQUEST;
import static org.bangfu.funds.FundVariables.SECOND_DISTRICT_APPROVAL;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every path of {@code FundReleaseProcess}, worked through the task service as the team member, the team leader
 * and two district officers, with the payment job run when the test says and the bank's confirmation uploaded.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class FundReleaseProcessTest {

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
    FundBudgets budgets;

    @Autowired
    FundReleases releases;

    @Autowired
    FundPayments payments;

    @Autowired
    FundRequests requests;

    @Autowired
    PairingTasks tasks;

    @Autowired
    UserDetailsService users;

    FundsFixture fx;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new FundsFixture(new RunAs(users), jdbc, households, budgets, releases, tasks, payments, management);
    }

    final Map<String, ProcessInstance> instances = new HashMap<>();

    /** The release's process instance, kept from its start so that camunda-bpm-assert reads its history once ended. */
    ProcessInstance instance(String release) {
        return instances.computeIfAbsent(release,
                id -> runtime.createProcessInstanceQuery().processInstanceId(id).singleResult());
    }

    String start(long household) {
        String release = fx.start(household);
        instance(release);
        return release;
    }

    FundRequest request(String release) {
        return requests.ofRelease(release).orElseThrow();
    }

    String status(String release) {
        return jdbc.sql("select p.status from bf_payment p join bf_fund_request r on r.id = p.request_id"
                + " where r.process_instance_id = ? order by p.id desc fetch first 1 rows only").param(release)
                .query(String.class).single();
    }

    @Test
    void aRequestWithinTheLimitIsApprovedByTheLeaderAndTheDistrictAndPaidOnce() {
        long household = fx.pairedHousehold(70_000);
        String release = start(household);
        ProcessInstance pi = instance(release);
        assertThat(pi).isWaitingAt(REQUEST);

        fx.request(release, "20000");
        assertThat(pi).isWaitingAt(LEADER_APPROVAL);
        Assertions.assertThat(jdbc.sql("select candidate_group from bf_task where case_id is not null and task_key = ?"
                + " and household_id = ?").params(LEADER_APPROVAL, household).query(String.class).single())
                .endsWith("-leaders");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        assertThat(pi).isWaitingAt("Task_SendPayment");
        Assertions.assertThat(status(release)).isEqualTo("INSTRUCTED");
        Assertions.assertThat(fx.ledger(household, "APPROVED")).isEqualTo(2_000_000);

        fx.runPaymentJob(release);
        assertThat(pi).isWaitingAt("CatchEvent_PaymentSettled");
        Assertions.assertThat(status(release)).isEqualTo("QUEUED");
        long batch = fx.batch();
        Assertions.assertThat(status(release)).isEqualTo("EXPORTED");
        Reconciliation result = fx.reconcile(batch, Map.of(fx.reference(release), "PAID"));
        Assertions.assertThat(result.paid()).isEqualTo(1);
        Assertions.assertThat(result.paidAmount().toString()).isEqualTo("20000.00");

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_ReleaseStarted", REQUEST,
                "BusinessRuleTask_ApprovalLevels", LEADER_APPROVAL, DISTRICT_APPROVAL, "Task_InstructPayment",
                "Task_SendPayment", "CatchEvent_PaymentSettled", "EndEvent_FundsReleased")
                .hasNotPassed(SECOND_DISTRICT_APPROVAL);
        Assertions.assertThat(request(release).status()).isEqualTo(FundRequest.Status.PAID);
        Assertions.assertThat(fx.ledger(household, "PAID")).isEqualTo(2_000_000);
        Assertions.assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR,
                Programme.GENERAL)).toString()).isEqualTo("50000.00");
        Assertions.assertThat(jdbc.sql("select count(*) from bf_payment where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aboveTheLimitASecondDistrictOfficerApprovesAndNotTheFirstAgain() {
        long household = fx.pairedHousehold(90_000);
        String release = start(household);
        fx.request(release, "60000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        assertThat(instance(release)).isWaitingAt(SECOND_DISTRICT_APPROVAL);
        Assertions.assertThatThrownBy(() -> fx.approve(release, SECOND_DISTRICT_APPROVAL, "district"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).errors().get(0).messageKey())
                .isEqualTo("funds.approval.twice");
        assertThat(instance(release)).isWaitingAt(SECOND_DISTRICT_APPROVAL);
        fx.approve(release, SECOND_DISTRICT_APPROVAL, "district2");
        assertThat(instance(release)).isWaitingAt("Task_SendPayment");
        Assertions.assertThat(request(release).currentApprovals()).extracting(FundRequest.Approval::decidedBy)
                .containsExactly("lead01", "district", "district2");
    }

    @Test
    void theTeamMayWithdrawInsteadOfRequesting() {
        long household = fx.pairedHousehold(10_000);
        String release = start(household);
        fx.complete(release, REQUEST, "team01", Map.of("decision", "WITHDRAW", "reason", "本年度暂无资金需求"));
        assertThat(instance(release)).isEnded().hasPassed("EndEvent_ReleaseWithdrawn");
        Assertions.assertThat(requests.ofRelease(release)).isEmpty();
    }

    @Test
    void theLeaderRejectsAndTheRequestedAmountIsAvailableAgain() {
        long household = fx.pairedHousehold(30_000);
        String release = start(household);
        fx.request(release, "30000");
        Assertions.assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR,
                Programme.GENERAL)).isZero()).isTrue();
        fx.complete(release, LEADER_APPROVAL, "lead01", FundsFixture.decision("REJECT", "用途与帮扶计划不符"));
        assertThat(instance(release)).isEnded().hasPassed("EndEvent_ReleaseRejected");
        Assertions.assertThat(request(release).status()).isEqualTo(FundRequest.Status.REJECTED);
        Assertions.assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR,
                Programme.GENERAL)).toString()).isEqualTo("30000.00");
    }

    @Test
    void theDistrictRejects() {
        long household = fx.pairedHousehold(30_000);
        String release = start(household);
        fx.request(release, "1000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.complete(release, DISTRICT_APPROVAL, "district", FundsFixture.decision("REJECT", "已由医保全额报销"));
        assertThat(instance(release)).isEnded().hasPassed("EndEvent_ReleaseRejected");
        Assertions.assertThat(fx.ledger(household, "REVERSED")).isEqualTo(100_000);
    }

    @Test
    void theSecondOfficerRejects() {
        long household = fx.pairedHousehold(90_000);
        String release = start(household);
        fx.request(release, "80000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        fx.complete(release, SECOND_DISTRICT_APPROVAL, "district2", FundsFixture.decision("REJECT", "金额明显偏高"));
        assertThat(instance(release)).isEnded().hasPassed("EndEvent_SecondApprovalRejected");
        Assertions.assertThat(request(release).status()).isEqualTo(FundRequest.Status.REJECTED);
    }

    @Test
    void everyApproverMayReturnTheRequestAndTheNextRoundNeedsEveryApprovalAgain() {
        long household = fx.pairedHousehold(90_000);
        String release = start(household);
        fx.request(release, "60000");
        fx.complete(release, LEADER_APPROVAL, "lead01", FundsFixture.decision("RETURN", "请附医院票据"));
        assertThat(instance(release)).isWaitingAt(REQUEST);
        Assertions.assertThat(request(release).status()).isEqualTo(FundRequest.Status.RETURNED);

        fx.request(release, "60000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.complete(release, DISTRICT_APPROVAL, "district", FundsFixture.decision("RETURN", "票据金额不符"));
        assertThat(instance(release)).isWaitingAt(REQUEST);

        fx.request(release, "60000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        fx.complete(release, SECOND_DISTRICT_APPROVAL, "district2", FundsFixture.decision("RETURN", "请分两次申请"));
        assertThat(instance(release)).isWaitingAt(REQUEST);

        fx.request(release, "45000");
        Assertions.assertThat(request(release).round()).isEqualTo(4);
        Assertions.assertThat(request(release).secondApproval()).isFalse();
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district2");
        assertThat(instance(release)).isWaitingAt("Task_SendPayment");
        // three rounds returned, one approved: the ledger holds each request and gives back the returned ones
        Assertions.assertThat(fx.ledger(household, "REQUESTED")).isEqualTo(22_500_000);
        Assertions.assertThat(fx.ledger(household, "REVERSED")).isEqualTo(18_000_000);
        Assertions.assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR,
                Programme.GENERAL)).toString()).isEqualTo("45000.00");
    }

    @Test
    void aPaymentTheBankFailedGoesBackToTheTeamAndIsPaidOnlyByANewApprovedInstruction() {
        long household = fx.pairedHousehold(50_000);
        String release = start(household);
        fx.request(release, "12000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        fx.runPaymentJob(release);
        String first = fx.reference(release);
        fx.reconcile(fx.batch(), Map.of(first, "FAILED:账户已冻结"));
        assertThat(instance(release)).isWaitingAt(REQUEST);
        Assertions.assertThat(request(release).status()).isEqualTo(FundRequest.Status.FAILED);
        Assertions.assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR,
                Programme.GENERAL)).toString()).isEqualTo("50000.00");

        fx.request(release, "12000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        fx.runPaymentJob(release);
        String second = fx.reference(release);
        Assertions.assertThat(second).isNotEqualTo(first).endsWith("-2");
        fx.reconcile(fx.batch(), Map.of(second, "PAID"));
        assertThat(instance(release)).isEnded().hasPassed("EndEvent_FundsReleased");
        Assertions.assertThat(jdbc.sql("select status from bf_payment where household_id = ? order by id")
                .param(household).query(String.class).list()).containsExactly("FAILED", "PAID");
        Assertions.assertThat(fx.ledger(household, "PAID")).isEqualTo(1_200_000);
        Assertions.assertThat(fx.ledger(household, "FAILED")).isEqualTo(1_200_000);
    }

    @Test
    void aPaymentJobThatCannotPayEndsInAnIncidentAndPaysOnceWhenRetriedAfterTheFix() {
        long household = fx.pairedHousehold(50_000);
        String release = start(household);
        fx.request(release, "5000");
        fx.approve(release, LEADER_APPROVAL, "lead01");
        fx.approve(release, DISTRICT_APPROVAL, "district");
        jdbc.sql("update bf_household set bank_account = null where id = ?").param(household).update();
        for (int attempt = 0; attempt < 3; attempt++) {
            String job = management.createJobQuery().processInstanceId(release).singleResult().getId();
            Assertions.assertThatThrownBy(() -> management.executeJob(job)).isInstanceOf(Exception.class);
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(release).singleResult();
        Assertions.assertThat(incident).as("an incident after the last attempt").isNotNull();
        Assertions.assertThat(incident.getIncidentMessage()).contains("no bank account");
        Assertions.assertThat(status(release)).isEqualTo("INSTRUCTED");
        Assertions.assertThat(fx.as.call("district", () -> payments.list(Payment.Status.INSTRUCTED, 0, 50)))
                .filteredOn(p -> p.householdId() == household).singleElement()
                .satisfies(p -> Assertions.assertThat(p.incident()).isTrue());

        jdbc.sql("update bf_household set bank_account = '6217001234567890123' where id = ?").param(household).update();
        String job = management.createJobQuery().processInstanceId(release).singleResult().getId();
        management.setJobRetries(job, 1);
        management.executeJob(job);
        assertThat(instance(release)).isWaitingAt("CatchEvent_PaymentSettled");
        Assertions.assertThat(status(release)).isEqualTo("QUEUED");
        Assertions.assertThat(jdbc.sql("select count(*) from bf_payment where household_id = ?").param(household)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
