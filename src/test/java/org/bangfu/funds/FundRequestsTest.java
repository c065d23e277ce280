package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.funds.FundVariables.DISTRICT_APPROVAL;
import static org.bangfu.funds.FundVariables.LEADER_APPROVAL;
import static org.bangfu.funds.FundVariables.REQUEST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What a fund request refuses: amounts, the budget, and approvals that break the four-eyes rule. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class FundRequestsTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

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
    ManagementService management;

    @Autowired
    UserDetailsService users;

    FundsFixture fx;

    @BeforeEach
    void setUp() {
        fx = new FundsFixture(new RunAs(users), jdbc, households, budgets, releases, tasks, payments, management);
    }

    static List<String> keys(Throwable refused) {
        return ((InvalidInput) refused).errors().stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    int requestRows(long household) {
        return jdbc.sql("select count(*) from bf_fund_request where household_id = ?").param(household)
                .query(Integer.class).single();
    }

    @Nested
    class Amounts {

        @Test
        void refusesAmountsThatAreNotMoneyOrTooLargeAndStoresNothing() {
            long household = fx.pairedHousehold(500_000);
            String release = fx.start(household);
            for (String[] refused : new String[][] { { "", "amount:form.required" }, { "abc", "amount:money.strict" },
                    { "-5", "amount:money.strict" }, { "12.345", "amount:money.fen" }, { "0", "amount:money.positive" },
                    { "100000.01", "amount:money.tooLarge" } }) {
                Map<String, Object> form = new HashMap<>(FundsFixture.requestForm(refused[0]));
                assertThatThrownBy(() -> fx.complete(release, REQUEST, "team01", form)).as(refused[0])
                        .satisfies(e -> assertThat(keys(e)).containsExactly(refused[1]));
            }
            Map<String, Object> empty = Map.of("decision", "SUBMIT");
            assertThatThrownBy(() -> fx.complete(release, REQUEST, "team01", empty))
                    .satisfies(e -> assertThat(keys(e)).contains("programme:form.required", "amount:form.required",
                            "purpose:form.required", "measure:form.required"));
            assertThat(requestRows(household)).isZero();
            assertThat(fx.task(release).key()).isEqualTo(REQUEST);
            // the task service takes amounts as the form sends them: plain digits (the form reads what people type)
            for (String loose : new String[] { "1,200.50", " 1200.50", "¥1200.50" }) {
                Map<String, Object> form = new HashMap<>(FundsFixture.requestForm(loose));
                assertThatThrownBy(() -> fx.complete(release, REQUEST, "team01", form)).as(loose)
                        .satisfies(e -> assertThat(keys(e)).containsExactly("amount:money.strict"));
            }
            Map<String, Object> number = new HashMap<>(FundsFixture.requestForm("x"));
            number.put("amount", 1200.5);
            assertThatThrownBy(() -> fx.complete(release, REQUEST, "team01", number))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("amount:money.strict"));
            assertThat(requestRows(household)).isZero();
            fx.request(release, "1200.50");
            assertThat(requests.ofRelease(release).orElseThrow().amount().toString()).isEqualTo("1200.50");
        }

        @Test
        void overRestALooseAmountIsRefusedWithItsFieldAndNothingIsRequested() throws Exception {
            long household = fx.pairedHousehold(50_000);
            String release = fx.start(household);
            String task = fx.task(release).id();
            org.bangfu.testsupport.ApiClient api = new org.bangfu.testsupport.ApiClient(port);
            for (String loose : new String[] { "\"1,000.00\"", "\" 1.00\"", "1.5", "1000" }) {
                String form = ("{\"decision\":\"SUBMIT\",\"programme\":\"GENERAL\",\"amount\":%s,"
                        + "\"measure\":\"HEALTH\",\"purpose\":\"门诊费用\"}").formatted(loose);
                var refused = api.send("team01", "POST", "/api/tasks/" + task + "/complete", "application/json",
                        form.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
                assertThat(refused.statusCode()).as(loose).isEqualTo(400);
                var problem = json.readTree(refused.body());
                assertThat(problem.get("errors").findValuesAsText("field")).as(loose).containsExactly("amount");
                assertThat(problem.get("errors").findValuesAsText("message")).as(loose)
                        .containsExactly("金额应为只含数字的字符串，最多两位小数，不带千位分隔符、空格或货币符号，例如 \"1200.50\"");
            }
            assertThat(requestRows(household)).isZero();
            assertThat(fx.task(release).key()).isEqualTo(REQUEST);
        }

        @Test
        void aRequestCannotExceedWhatIsLeftOfTheArrangement() {
            long household = fx.pairedHousehold(10_000);
            String first = fx.start(household);
            fx.request(first, "8000");
            String second = fx.start(household);
            assertThatThrownBy(() -> fx.request(second, "2000.01"))
                    .satisfies(e -> assertThat(((InvalidInput) e).errors()).singleElement()
                            .satisfies(error -> {
                                assertThat(error.messageKey()).isEqualTo("funds.request.overBudget");
                                assertThat(error.arguments()[0]).isEqualTo("2,000.00");
                            }));
            fx.request(second, "2000");
            String third = fx.start(household);
            assertThatThrownBy(() -> fx.request(third, "1"))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("amount:funds.request.noBudget"));
            assertThat(requestRows(household)).isEqualTo(2);
        }

        @Test
        void twoRequestsRacingForTheSameBudgetCannotTogetherExceedIt() throws Exception {
            long household = fx.pairedHousehold(10_000);
            List<String> releases = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                releases.add(fx.start(household));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (String release : releases) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        fx.request(release, "6000");
                        return true;
                    } catch (InvalidInput overBudget) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(1);
            assertThat(fx.ledger(household, "REQUESTED")).isEqualTo(600_000);
        }
    }

    @Nested
    class FourEyes {

        @Test
        void nobodyApprovesTheirOwnRequest() {
            long household = fx.pairedHousehold(50_000);
            String release = fx.start(household);
            fx.complete(release, REQUEST, "lead01", FundsFixture.requestForm("3000"));
            assertThatThrownBy(() -> fx.approve(release, LEADER_APPROVAL, "lead01"))
                    .satisfies(e -> {
                        assertThat(keys(e)).containsExactly("decision:funds.approval.ownRequest");
                        assertThat(((InvalidInput) e).errors().get(0).arguments()).containsExactly("lead01");
                    });
            assertThat(fx.task(release).key()).isEqualTo(LEADER_APPROVAL);
            assertThat(requests.ofRelease(release).orElseThrow().approvals()).isEmpty();
        }

        @Test
        void aTeamMemberCannotTakeTheLeadersApproval() {
            long household = fx.pairedHousehold(50_000);
            String release = fx.start(household);
            fx.request(release, "3000");
            assertThatThrownBy(() -> fx.approve(release, LEADER_APPROVAL, "team01"))
                    .isInstanceOf(AccessDeniedException.class);
        }

        @Test
        void aLeadersApprovalCannotBeHandedOverToAMember() {
            long household = fx.pairedHousehold(50_000);
            String release = fx.start(household);
            fx.request(release, "3000");
            String task = fx.task(release).id();
            assertThatThrownBy(() -> fx.as.run("lead01", () -> tasks.handOver(task, "team01")))
                    .satisfies(e -> assertThat(keys(e)).containsExactly("assignee:task.handOver.notColleague"));
            assertThat(jdbc.sql("select assignee from bf_task where task_id = ?").param(task).query(String.class)
                    .optional()).isEmpty();
        }

        @Test
        void theDomainRefusesASecondDecisionByOnePersonWhateverTheTaskSays() {
            long household = fx.pairedHousehold(90_000);
            String release = fx.start(household);
            fx.request(release, "60000");
            fx.approve(release, LEADER_APPROVAL, "lead01");
            FundRequest request = requests.ofRelease(release).orElseThrow();
            assertThat(request.refusal(ApprovalLevel.DISTRICT, "lead01", Role.DISTRICT))
                    .contains("funds.approval.twice");
            assertThat(request.refusal(ApprovalLevel.DISTRICT_SECOND, "district", Role.DISTRICT))
                    .contains("funds.approval.outOfOrder");
            assertThat(request.refusal(ApprovalLevel.LEADER, "lead02", Role.TEAM_LEADER))
                    .contains("funds.approval.notPending");
            fx.approve(release, DISTRICT_APPROVAL, "district");
            // the database keeps the rule as well: a second row by the same person in the round is refused
            assertThatThrownBy(() -> jdbc.sql("""
                    insert into bf_fund_approval (request_id, round_no, approval_level, decision, decided_by, decided_at)
                    values (?, 1, 'DISTRICT_SECOND', 'APPROVE', 'district', current_timestamp)""")
                    .param(request.id()).update()).isInstanceOf(DataIntegrityViolationException.class);
        }
    }
}
