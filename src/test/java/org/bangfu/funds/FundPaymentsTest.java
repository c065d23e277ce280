package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.funds.FundVariables.DISTRICT_APPROVAL;
import static org.bangfu.funds.FundVariables.LEADER_APPROVAL;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.InvalidInput;
import org.bangfu.testsupport.ApiClient;
import org.bangfu.testsupport.Multipart;
import org.bangfu.testsupport.RunAs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.bangfu.audit.AuditText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Money paid exactly once: approvals, payment jobs and retries racing on one release; the bank's batch file; its
 * confirmation with mixed results, uploaded twice, and refused when a line is wrong; the same over REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        // 50 actors at once each hold a connection while they wait for the release's locks, as 50 request threads
        // would: the pool is sized for them (with the default 10 a thread now and then timed out for a connection)
        "spring.datasource.hikari.maximum-pool-size=60" })
class FundPaymentsTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

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
    RuntimeService runtime;

    @Autowired
    UserDetailsService users;

    FundsFixture fx;

    @BeforeEach
    void setUp() {
        fx = new FundsFixture(new RunAs(users), jdbc, households, budgets, releases, tasks, payments, management);
    }

    /** A release approved by its leader, waiting for the district. */
    String atDistrictApproval(long household, String amount) {
        String release = fx.start(household);
        fx.request(release, amount);
        fx.approve(release, LEADER_APPROVAL, "lead01");
        return release;
    }

    /** A release paid out to the bank: approved and its payment job run. */
    String queued(long household, String amount) {
        String release = atDistrictApproval(household, amount);
        fx.approve(release, DISTRICT_APPROVAL, "district");
        fx.runPaymentJob(release);
        return release;
    }

    @Test
    void fiftyThreadsApprovingRunningAndRetryingOneReleaseMakeExactlyOnePayment() throws Exception {
        long household = fx.pairedHousehold(50_000);
        String release = atDistrictApproval(household, "8000");
        String approval = fx.task(release).id();
        long requestId = requests.ofRelease(release).orElseThrow().id();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger jobsRun = new AtomicInteger();
        AtomicInteger queuedByRetry = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                go.await();
                switch (n % 3) {
                    case 0 -> {
                        // officers completing the approval, some twice
                        try {
                            fx.as.run(n % 2 == 0 ? "district" : "district2",
                                    () -> tasks.complete(approval, FundsFixture.decision("APPROVE", null)));
                            completed.incrementAndGet();
                        } catch (RuntimeException conflictOrRefused) {
                            // 409 for everyone after the first
                        }
                    }
                    case 1 -> {
                        // the job executor, and an operator retrying the job, as soon as there is one
                        for (int attempt = 0; attempt < 200; attempt++) {
                            Job job = management.createJobQuery().processInstanceId(release).singleResult();
                            if (job != null) {
                                try {
                                    management.executeJob(job.getId());
                                    jobsRun.incrementAndGet();
                                } catch (RuntimeException lostTheRace) {
                                    // optimistic locking: another thread ran it
                                }
                            }
                            if (jdbc.sql("select count(*) from bf_payment where request_id = ? and status = 'QUEUED'")
                                    .param(requestId).query(Integer.class).single() > 0) {
                                return null;
                            }
                            Thread.sleep(10);
                        }
                    }
                    default -> {
                        // a retried delegate: instruct and queue again, directly
                        for (int attempt = 0; attempt < 200; attempt++) {
                            List<Long> ids = jdbc.sql("select id from bf_payment where request_id = ?")
                                    .param(requestId).query(Long.class).list();
                            if (!ids.isEmpty()) {
                                try {
                                    assertThat(payments.instruct(requestId)).isEqualTo(ids.get(0));
                                    if (payments.queue(ids.get(0))) {
                                        queuedByRetry.incrementAndGet();
                                    }
                                } catch (RuntimeException lockedOut) {
                                    // a deadlock victim or the like: the payment stays as it was
                                }
                                return null;
                            }
                            Thread.sleep(10);
                        }
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(completed.get()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bf_payment where request_id = ?").param(requestId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from bf_payment where request_id = ?").param(requestId)
                .query(String.class).single()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from bf_fund_approval where request_id = ?").param(requestId)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(fx.ledger(household, "APPROVED")).isEqualTo(800_000);
        // whether the job or a retry queued it, the process moves on once and waits for the bank
        Job left = management.createJobQuery().processInstanceId(release).singleResult();
        if (left != null) {
            management.executeJob(left.getId());
        }
        assertThat(runtime.getActiveActivityIds(release)).containsExactly("CatchEvent_PaymentSettled");
        long batch = fx.batch();
        fx.reconcile(batch, Map.of(fx.reference(release), "PAID"));
        assertThat(fx.ledger(household, "PAID")).isEqualTo(800_000);
        assertThat(jdbc.sql("select count(*) from bf_payment where batch_id = ?").param(batch).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theBankFileListsEachQueuedPaymentOnceWithTheFullAccountAndEveryDownloadIsAudited() throws Exception {
        long household = fx.pairedHousehold(50_000);
        String release = queued(household, "3456.70");
        long batch = fx.batch();
        assertThatThrownBy(() -> fx.batch()).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(FundRequestsTest.keys(e)).containsExactly("batch:funds.batch.empty"));
        String account = jdbc.sql("select bank_account from bf_household where id = ?").param(household)
                .query(String.class).single();
        String csv = new String(fx.as.call("district", () -> payments.batchFile(batch, FundPayments.FileFormat.CSV)),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFpayee,account,amount,reference\r\n")
                .contains("发放户", account, "3456.70", fx.reference(release));
        assertThat(csv.lines().count()).isEqualTo(2);
        byte[] xlsx = fx.as.call("district", () -> payments.batchFile(batch, FundPayments.FileFormat.XLSX));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(account);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("3456.70");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(fx.reference(release));
        }
        assertThat(jdbc.sql("select count(*) from bf_audit_log where action = 'PAYMENT_FILE_DOWNLOADED' and target = ?")
                .param(AuditText.of("audit.target.paymentBatch",
                        fx.as.call("district", () -> payments.batch(batch).orElseThrow().batchNo())))
                .query(Integer.class).single()).isEqualTo(2);
        // people see the account masked
        assertThat(fx.as.call("team01", () -> payments.ofHousehold(household))).singleElement()
                .satisfies(p -> assertThat(p.payeeAccount()).startsWith("*").endsWith(account.substring(account.length() - 4))
                        .doesNotContain(account.substring(0, 6)));
        assertThatThrownBy(() -> fx.as.call("team01", () -> payments.batchFile(batch, FundPayments.FileFormat.CSV)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aPayeeNamedLikeAFormulaIsTextInTheBankFilesAndTheBatchStillReconciles() throws Exception {
        if (jdbc.sql("select count(*) from bf_payment where status = 'QUEUED'").query(Integer.class).single() > 0) {
            fx.batch();
        }
        long household = fx.pairedHousehold(50_000);
        // a name kept from before names were checked on input: the file must not turn it into a live formula
        String formula = "=HYPERLINK(\"http://evil.example/?a=1\",\"点击核对\")";
        jdbc.sql("update bf_household set head_name = ? where id = ?").params(formula, household).update();
        String release = queued(household, "1234");
        long batch = fx.batch();
        ApiClient api = new ApiClient(port);

        HttpResponse<String> csv = api.get("district", "/api/funds/batches/" + batch + "/file.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String account = jdbc.sql("select bank_account from bf_household where id = ?").param(household)
                .query(String.class).single();
        assertThat(csv.body().lines().skip(1)).containsExactly("\"'=HYPERLINK(\"\"http://evil.example/?a=1\"\",\"\"点击核对\"\")\","
                + account + ",1234.00," + fx.reference(release));
        org.bangfu.shared.TableFile read = org.bangfu.shared.TableFile.read(csv.body().getBytes(StandardCharsets.UTF_8));
        assertThat(read.lines().get(0).cells()).containsExactly("'" + formula, account, "1234.00", fx.reference(release));

        byte[] xlsx = fx.as.call("district", () -> payments.batchFile(batch, FundPayments.FileFormat.XLSX));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var payee = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(payee.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(payee.getStringCellValue()).isEqualTo(formula);
        }

        // the bank answers with the references of the file: the payment settles as always
        Reconciliation settled = fx.reconcile(batch, Map.of(fx.reference(release), "PAID"));
        assertThat(settled.paid()).isEqualTo(1);
        assertThat(settled.paidAmount().toString()).isEqualTo("1234.00");
    }

    @Test
    void aConfirmationWithMixedResultsSettlesEachPaymentOnceAndABadFileChangesNothing() {
        // payments queued before (the demo's) go into a batch of their own
        if (jdbc.sql("select count(*) from bf_payment where status = 'QUEUED'").query(Integer.class).single() > 0) {
            fx.batch();
        }
        long household = fx.pairedHousehold(90_000);
        String paid = queued(household, "1000");
        String failed = queued(household, "2000");
        String paidToo = queued(household, "3000");
        long batch = fx.batch();

        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put(fx.reference(paid), "PAID");
        wrong.put(fx.reference(failed), "FAILED");
        wrong.put("ZF99999999-1", "PAID");
        wrong.put(fx.reference(paidToo), "MAYBE");
        assertThatThrownBy(() -> fx.reconcile(batch, wrong)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(FundRequestsTest.keys(e)).containsExactly("file:funds.reconcile.reason",
                        "file:funds.reconcile.unknown", "file:funds.reconcile.result"));
        assertThat(jdbc.sql("select count(*) from bf_payment where batch_id = ? and status = 'EXPORTED'").param(batch)
                .query(Integer.class).single()).isEqualTo(3);

        Map<String, String> results = new LinkedHashMap<>();
        results.put(fx.reference(paid), "成功");
        results.put(fx.reference(failed), "失败:户名与账号不符");
        results.put(fx.reference(paidToo), "PAID");
        Reconciliation first = fx.reconcile(batch, results);
        assertThat(first).isEqualTo(new Reconciliation(2, 1, 0, org.bangfu.shared.Money.ofYuan(4000)));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(paid).singleResult()).isNull();
        assertThat(fx.task(failed).key()).isEqualTo(FundVariables.REQUEST);
        assertThat(jdbc.sql("select failure_reason from bf_payment where reference = ?").param(fx.reference(failed))
                .query(String.class).single()).isEqualTo("户名与账号不符");

        // the same file again: nothing paid twice
        Reconciliation again = fx.reconcile(batch, results);
        assertThat(again).isEqualTo(new Reconciliation(0, 0, 3, org.bangfu.shared.Money.ZERO));
        assertThat(fx.ledger(household, "PAID")).isEqualTo(400_000);
        assertThat(fx.ledger(household, "FAILED")).isEqualTo(200_000);
        // a later file that contradicts what was recorded is refused
        assertThatThrownBy(() -> fx.reconcile(batch, Map.of(fx.reference(paid), "FAILED:退票")))
                .satisfies(e -> assertThat(FundRequestsTest.keys(e)).containsExactly("file:funds.reconcile.settled"));
        assertThat(fx.as.call("district", () -> payments.batch(batch)).orElseThrow().reconciledAt()).isNotNull();
        assertThat(fx.as.call("team01", () -> requests.remaining(household, FundsFixture.YEAR, Programme.GENERAL))
                .toString()).isEqualTo("86000.00");
    }

    @Test
    void overRestTheTeamStartsAReleaseAndTheDistrictPaysItThroughTheBankFiles() throws Exception {
        ApiClient api = new ApiClient(port);
        long household = fx.pairedHousehold(20_000);
        HttpResponse<String> started = api.send("team01", "POST", "/api/households/" + household + "/funds/releases",
                null, null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String release = json.readTree(started.body()).get("processInstanceId").asText();
        String task = fx.task(release).id();
        HttpResponse<String> tooMuch = api.send("team01", "POST", "/api/tasks/" + task + "/complete",
                "application/json", json.writeValueAsBytes(FundsFixture.requestForm("25000")), "zh-CN");
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("超出可用资金", "20,000.00");
        HttpResponse<String> asked = api.send("team01", "POST", "/api/tasks/" + task + "/complete",
                "application/json", json.writeValueAsBytes(FundsFixture.requestForm("15000")), "zh-CN");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(204);
        for (String[] step : new String[][] { { "lead01", LEADER_APPROVAL }, { "district", DISTRICT_APPROVAL } }) {
            HttpResponse<String> approved = api.send(step[0], "POST", "/api/tasks/" + fx.task(release).id()
                    + "/complete", "application/json", "{\"decision\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8),
                    null);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        }
        fx.runPaymentJob(release);
        HttpResponse<String> refused = api.send("team01", "POST", "/api/funds/batches", null, null, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> created = api.send("district", "POST", "/api/funds/batches", null, null, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long batch = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> file = api.get("district", "/api/funds/batches/" + batch + "/file.csv");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("batch-" + batch + ".csv");
        String reference = fx.reference(release);
        assertThat(file.body()).contains(reference, "15000.00");
        byte[] confirmation = FundsFixture.confirmation(Map.of(reference, "PAID"));
        HttpResponse<String> reconciled = api.send("district", "POST", "/api/funds/batches/" + batch + "/reconciliation",
                Multipart.CONTENT_TYPE, Multipart.body("回单.csv", confirmation, Map.of()), null);
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);
        assertThat(json.readTree(reconciled.body()).get("paidAmount").asText()).isEqualTo("15000.00");

        JsonNode balance = json.readTree(api.get("team01", "/api/households/" + household + "/funds/balance").body());
        assertThat(balance.get("paid").asText()).isEqualTo("15000.00");
        assertThat(balance.get("remaining").asText()).isEqualTo("5000.00");
        JsonNode requestsOfHousehold = json.readTree(api.get("team01", "/api/households/" + household
                + "/funds/requests").body());
        assertThat(requestsOfHousehold.get(0).get("status").asText()).isEqualTo("PAID");
        assertThat(requestsOfHousehold.get(0).get("approvals")).hasSize(2);
        JsonNode paymentsOfHousehold = json.readTree(api.get("team01", "/api/households/" + household
                + "/funds/payments").body());
        assertThat(paymentsOfHousehold.get(0).get("payeeAccount").asText()).startsWith("****");
        HttpResponse<String> ledger = api.get("district", "/api/funds/ledger?householdId=" + household + "&kind=PAID");
        assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(200);
        assertThat(ledger.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(json.readTree(ledger.body()).get(0).get("amount").asText()).isEqualTo("15000.00");
        // another team does not see the household's money
        assertThat(api.get("team02", "/api/households/" + household + "/funds/requests").statusCode()).isEqualTo(404);
        assertThat(json.readTree(api.get("team02", "/api/funds/ledger?householdId=" + household).body())).isEmpty();
        HttpResponse<String> workbook = api.get("district", "/api/funds/ledger.xlsx?householdId=" + household);
        assertThat(workbook.statusCode()).isEqualTo(200);
        JsonNode teams = json.readTree(api.get("district", "/api/funds/teams").body());
        assertThat(teams.get(teams.size() - 1).get("teamId").isNull()).isTrue();
    }
}
