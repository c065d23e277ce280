package org.bangfu.funds;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.household.Attribute;
import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.BureauTime;
import org.bangfu.shared.Money;
import org.bangfu.testsupport.RunAs;
import org.bangfu.testsupport.TestNames;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Households paired with team01's team (its member team01, its leader lead01), with funds arranged by the
 * district, and their releases worked through the task service as the people who work them.
 */
public class FundsFixture {

    public static final int YEAR = BureauTime.today().getYear();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    final RunAs as;
    final JdbcClient jdbc;
    final Households households;
    final FundBudgets budgets;
    final FundReleases releases;
    final PairingTasks tasks;
    final FundPayments payments;
    final ManagementService management;

    public FundsFixture(RunAs as, JdbcClient jdbc, Households households, FundBudgets budgets, FundReleases releases,
            PairingTasks tasks, FundPayments payments, ManagementService management) {
        this.as = as;
        this.jdbc = jdbc;
        this.households = households;
        this.budgets = budgets;
        this.releases = releases;
        this.tasks = tasks;
        this.payments = payments;
        this.management = management;
    }

    /** A household of team01's team, paired by a case, with {@code arranged} yuan of general assistance this year. */
    public long pairedHousehold(long arranged) {
        long team = jdbc.sql("select team_id from bf_user_account where username = 'team01'").query(Long.class).single();
        long street = jdbc.sql("select street_id from bf_team where id = ?").param(team).query(Long.class).single();
        long village = jdbc.sql("select min(id) from bf_village where street_id = ?").param(street).query(Long.class)
                .single();
        int n = SERIAL.incrementAndGet();
        String name = TestNames.numbered("发放户", n);
        HouseholdFile file = as.call("district", () -> households.create(new HouseholdDraft(name, street, village,
                "发放路" + n + "号", "13855300000", "62170012345670" + String.format("%02d", n % 100), Attribute.DIBAO,
                new BigDecimal("40"), "BRICK_CONCRETE", "NONE", null, "ILLNESS", List.of(), null, team)));
        jdbc.sql("""
                insert into bf_pairing_case (household_id, status, started_by, started_at, ended_at)
                values (?, 'PAIRED', 'street01', ?, ?)""").params(file.id(), OffsetDateTime.now(), OffsetDateTime.now())
                .update();
        if (arranged > 0) {
            as.run("district", () -> budgets.arrange(file.id(), YEAR, Programme.GENERAL, 0, Money.ofYuan(arranged),
                    "年度安排"));
        }
        return file.id();
    }

    public String start(long household) {
        return as.call("team01", () -> releases.start(household));
    }

    /** The release's open task: its id and key. */
    public record OpenTask(String id, String key) {
    }

    public OpenTask task(String release) {
        List<OpenTask> open = jdbc.sql("""
                select t.task_id, t.task_key from bf_task t join ACT_RU_TASK r on r.ID_ = t.task_id
                 where r.PROC_INST_ID_ = ?""").param(release)
                .query((rs, n) -> new OpenTask(rs.getString(1), rs.getString(2))).list();
        if (open.size() != 1) {
            throw new AssertionError("expected one open task of release " + release + ", found " + open);
        }
        return open.get(0);
    }

    /** Completes the release's open task as {@code who}, checking that it waits at {@code key}. */
    public void complete(String release, String key, String who, Map<String, Object> form) {
        OpenTask task = task(release);
        if (!task.key().equals(key)) {
            throw new AssertionError("expected " + key + " but the release waits at " + task.key());
        }
        Map<String, Object> data = new HashMap<>(form);
        data.values().removeIf(v -> v == null);
        as.run(who, () -> tasks.complete(task.id(), data));
    }

    public void request(String release, String amount) {
        complete(release, FundVariables.REQUEST, "team01", requestForm(amount));
    }

    static Map<String, Object> requestForm(String amount) {
        return Map.of("decision", "SUBMIT", "programme", "GENERAL", "amount", amount, "measure", "HEALTH",
                "purpose", "住院医疗费用自付部分");
    }

    static Map<String, Object> decision(String decision, String opinion) {
        Map<String, Object> form = new HashMap<>();
        form.put("decision", decision);
        form.put("opinion", opinion);
        return form;
    }

    public void approve(String release, String key, String who) {
        complete(release, key, who, decision("APPROVE", null));
    }

    /** Runs the release's payment job now, as the job executor would. */
    public void runPaymentJob(String release) {
        Job job = management.createJobQuery().processInstanceId(release).singleResult();
        if (job == null) {
            throw new AssertionError("no job in release " + release);
        }
        management.executeJob(job.getId());
    }

    public long batch() {
        return as.call("district", () -> payments.createBatch()).id();
    }

    /** The bank's confirmation of these references, each PAID or "FAILED:reason", as CSV. */
    static byte[] confirmation(Map<String, String> results) {
        List<String> lines = new ArrayList<>(List.of("reference,result,reason"));
        results.forEach((reference, result) -> {
            String[] parts = result.split(":", 2);
            lines.add(reference + "," + parts[0] + "," + (parts.length > 1 ? parts[1] : ""));
        });
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    public Reconciliation reconcile(long batch, Map<String, String> results) {
        return as.call("district", () -> payments.reconcile(batch, confirmation(results)));
    }

    public String reference(String release) {
        return jdbc.sql("""
                select p.reference from bf_payment p join bf_fund_request r on r.id = p.request_id
                 where r.process_instance_id = ? order by p.id desc fetch first 1 rows only""").param(release)
                .query(String.class).single();
    }

    long ledger(long household, String kind) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from bf_fund_ledger where household_id = ? and kind = ?")
                .params(household, kind).query(Long.class).single();
    }
}
