package org.bangfu.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditAction;
import org.bangfu.audit.AuditEntry.Outcome;
import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditText;
import org.bangfu.funds.FundLedger.Holder;
import org.bangfu.funds.FundLedger.Kind;
import org.bangfu.funds.FundRequest.Approval;
import org.bangfu.funds.FundRequest.Status;
import org.bangfu.household.CodeLists;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingTasks;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.Money;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskStep;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund requests (资金申请) and their approvals. A request is checked against what is left of the household's
 * arrangement under a lock on the household, so that two requests racing cannot together exceed it; each
 * decision goes through the request's own rules ({@link FundRequest#refusal}) under a lock on the request, and
 * the database refuses a second decision by one person or at one level of a round as well.
 */
@Service
public class FundRequests {

    private static final String COLUMNS = """
            select r.id, r.household_id, r.street_id, r.team_id, r.case_id, r.process_instance_id, r.budget_year, r.programme,
                   r.amount_fen, r.purpose, r.measure, r.round_no, r.second_approval, r.status, r.requested_by,
                   r.requested_at
              from bf_fund_request r
            """;

    private final JdbcClient jdbc;
    private final FundLedger ledger;
    private final FundBudgets budgets;
    private final Households households;
    private final CodeLists codes;
    private final AuditLog audit;
    private final FundSettings settings;
    private final Clock clock;

    FundRequests(JdbcClient jdbc, FundLedger ledger, FundBudgets budgets, Households households, CodeLists codes,
            AuditLog audit, FundSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.budgets = budgets;
        this.households = households;
        this.codes = codes;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------

    /** The household's requests, newest first, if the caller may see the household. */
    @Transactional(readOnly = true)
    public List<FundRequest> ofHousehold(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return jdbc.sql(COLUMNS + "where r.household_id = ? order by r.id desc").param(householdId)
                .query(this::row).list();
    }

    /** Requests waiting for the district's approval or second approval, oldest first: the district's queue. */
    @Transactional(readOnly = true)
    public List<PendingApproval> awaitingDistrict() {
        SignedInUser user = CurrentUser.requireRole(Role.DISTRICT, Role.LEADER);
        return jdbc.sql("""
                select t.task_id, t.task_key, r.id, r.household_id, h.head_name, tm.name, r.amount_fen, r.purpose,
                       r.measure, r.round_no, r.requested_by, r.requested_at, t.assignee, t.candidate_group
                  from bf_task t
                  join ACT_RU_TASK rt on rt.ID_ = t.task_id
                  join bf_fund_request r on r.process_instance_id = rt.PROC_INST_ID_
                  join bf_household h on h.id = r.household_id
                  join bf_team tm on tm.id = r.team_id
                 where t.task_key in (?, ?) order by r.requested_at""")
                .params(FundVariables.DISTRICT_APPROVAL, FundVariables.SECOND_DISTRICT_APPROVAL)
                .query((rs, n) -> new PendingApproval(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Households.fileNo(rs.getLong(4)), rs.getString(5), rs.getString(6), Money.ofFen(rs.getLong(7)),
                        rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class).toInstant(), rs.getString(13),
                        PairingTasks.mayWork(user, rs.getString(14), rs.getString(13))))
                .list();
    }

    /** A request of a release, whoever asks (the engine's delegates and the task forms, which checked access). */
    Optional<FundRequest> ofRelease(String processInstanceId) {
        return jdbc.sql(COLUMNS + "where r.process_instance_id = ?").param(processInstanceId).query(this::row)
                .optional();
    }

    FundRequest byId(long requestId) {
        return jdbc.sql(COLUMNS + "where r.id = ?").param(requestId).query(this::row).single();
    }

    private FundRequest locked(long requestId) {
        jdbc.sql("select id from bf_fund_request where id = ? for update").param(requestId).query(Long.class).single();
        return byId(requestId);
    }

    /** What is left of the household's arrangement for the year and programme. */
    @Transactional(readOnly = true)
    public Money remaining(long householdId, int year, Programme programme) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return ledger.remaining(householdId, year, programme);
    }

    // ---- the team's request ---------------------------------------------------------------------------

    /**
     * The request form: asks for an amount against the remaining arrangement (a new round when the release asks
     * again), or withdraws. Called inside the transaction that completes the team's task.
     */
    StepOutcome request(TaskStep step, FormInput in) {
        String decision = in.choice(FormField.DECISION, List.of(FundVariables.SUBMIT, FundVariables.WITHDRAW));
        boolean submit = FundVariables.SUBMIT.equals(decision);
        String release = step.processInstanceId();
        Optional<FundRequest> earlier = ofRelease(release);
        if (!submit) {
            String reason = in.text("reason", decision != null, 500);
            in.throwIfInvalid();
            earlier.ifPresent(r -> setStatus(r.id(), Status.WITHDRAWN));
            return StepOutcome.of(in, decision, reason);
        }
        Integer typedYear = in.integer("year", false, 2000, 2100);
        int year = typedYear == null ? LocalDate.now(clock).getYear() : typedYear;
        String programmeName = in.choice("programme", Arrays.stream(Programme.values()).map(Enum::name).toList());
        if (programmeName == null && !in.hasError("programme")) {
            in.error("programme", "form.required");
        }
        Money amount = in.money("amount", true, settings.maxRequest());
        String purpose = in.text("purpose", true, 500);
        String measure = in.text("measure", true, 32);
        if (measure != null && !codes.contains(CodeLists.MEASURE, measure)) {
            in.error("measure", "code.unknown", measure);
        }
        in.throwIfInvalid();
        Programme programme = Programme.valueOf(programmeName);
        Holder holder = lockHousehold(step.householdId());
        Money left = ledger.remaining(step.householdId(), year, programme);
        if (left.isLessThan(amount)) {
            in.error("amount", left.isZero() ? "funds.request.noBudget" : "funds.request.overBudget", left.format(),
                    String.valueOf(year), programme.name());
            in.throwIfInvalid();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long requestId;
        int round;
        if (earlier.isEmpty()) {
            round = 1;
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into bf_fund_request (household_id, street_id, team_id, case_id, process_instance_id,
                        budget_year, programme, amount_fen, purpose, measure, round_no, second_approval, status,
                        requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, false, 'REQUESTED', ?, ?)""")
                    .params(step.householdId(), holder.streetId(), holder.teamId(), step.caseId(), release, year,
                            programme.name(), amount.fen(), purpose, measure, step.username(), now)
                    .update(keys, "id");
            requestId = keys.getKey().longValue();
        } else {
            FundRequest previous = earlier.get();
            round = previous.round() + 1;
            requestId = previous.id();
            jdbc.sql("""
                    update bf_fund_request set budget_year = ?, programme = ?, amount_fen = ?, purpose = ?, measure = ?,
                        round_no = ?, second_approval = false, status = 'REQUESTED', requested_by = ?,
                        requested_at = ? where id = ?""")
                    .params(year, programme.name(), amount.fen(), purpose, measure, round, step.username(), now,
                            requestId)
                    .update();
        }
        ledger.record(holder, year, programme, Kind.REQUESTED, amount.fen(), null, requestId,
                "第 " + round + " 轮申请：" + purpose, step.username());
        StepOutcome outcome = StepOutcome.of(in, decision, null);
        outcome.variables().put(FundVariables.REQUEST_ID, requestId);
        outcome.variables().put(FundVariables.AMOUNT_FEN, amount.fen());
        outcome.variables().put(FundVariables.SECOND_APPROVAL_ABOVE_FEN, settings.secondApprovalAbove().fen());
        return outcome;
    }

    /** The household's row locked: requests for one household queue here, so the budget check holds. */
    private Holder lockHousehold(long householdId) {
        return jdbc.sql("select id, street_id, team_id from bf_household where id = ? for update").param(householdId)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                .single();
    }

    // ---- approvals -----------------------------------------------------------------------------------

    /**
     * An approval form: APPROVE, REJECT (the release ends) or BACK (the team asks again), with an opinion that
     * a refusal needs. Four eyes are the request's rule, checked under its lock; the database checks them too.
     */
    StepOutcome decide(TaskStep step, FormInput in) {
        ApprovalLevel level = ApprovalLevel.ofTask(step.taskKey());
        String decision = in.choice(FormField.DECISION,
                List.of(FundVariables.APPROVE, FundVariables.REJECT, FundVariables.RETURN));
        String opinion = in.text("opinion", decision != null && !FundVariables.APPROVE.equals(decision), 500);
        in.throwIfInvalid();
        SignedInUser user = CurrentUser.require();
        Long requestId = step.longVariable(FundVariables.REQUEST_ID);
        FundRequest request = locked(requestId);
        Optional<String> refusal = request.refusal(level, user.getUsername(), user.role());
        if (refusal.isPresent()) {
            in.error(FormField.DECISION, refusal.get(), request.requestedBy());
            in.throwIfInvalid();
        }
        try {
            jdbc.sql("""
                    insert into bf_fund_approval (request_id, round_no, approval_level, decision, opinion, decided_by,
                        decided_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(request.id(), request.round(), level.name(), decision, opinion, user.getUsername(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException decidedMeanwhile) {
            in.error(FormField.DECISION, "funds.approval.twice");
            in.throwIfInvalid();
        }
        Holder holder = new Holder(request.householdId(), request.streetId(), request.teamId());
        boolean last = request.levels().get(request.levels().size() - 1) == level;
        switch (decision) {
            case FundVariables.REJECT -> {
                setStatus(request.id(), Status.REJECTED);
                ledger.record(holder, request.year(), request.programme(), Kind.REVERSED, request.amount().fen(), null,
                        request.id(), "不同意：" + opinion, user.getUsername());
            }
            case FundVariables.RETURN -> {
                setStatus(request.id(), Status.RETURNED);
                ledger.record(holder, request.year(), request.programme(), Kind.REVERSED, request.amount().fen(), null,
                        request.id(), "退回：" + opinion, user.getUsername());
            }
            default -> {
                if (last) {
                    setStatus(request.id(), Status.APPROVED);
                    ledger.record(holder, request.year(), request.programme(), Kind.APPROVED, request.amount().fen(),
                            null, request.id(), "审批通过", user.getUsername());
                }
            }
        }
        audit.recordWithChange(user.getUsername(), AuditAction.FUND_REQUEST_DECIDED,
                AuditText.of("audit.target.fundRequest", request.id()), Outcome.SUCCESS,
                AuditText.of("audit.detail.fundDecided", AuditText.label("task." + level.taskKey()),
                        AuditText.label("form.choice.decision." + decision), request.amount(), request.round()));
        return StepOutcome.of(in, decision, opinion);
    }

    /** The levels {@code FundApprovalDecision} found the request's round needs. */
    void levelsDecided(long requestId, boolean secondApproval) {
        jdbc.sql("update bf_fund_request set second_approval = ? where id = ?").params(secondApproval, requestId)
                .update();
    }

    void setStatus(long requestId, Status status) {
        jdbc.sql("update bf_fund_request set status = ? where id = ?").params(status.name(), requestId).update();
    }

    /**
     * What a task's page shows: the request as it stands with what is left of its arrangement and its decisions;
     * for the team's request, every arrangement with what is left of it.
     */
    Map<String, Object> context(TaskStep step) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (step.taskKey().equals(FundVariables.REQUEST)) {
            context.put("arrangements", budgets.currentOf(step.householdId()).stream()
                    .map(a -> new ArrangementLeft(a, ledger.remaining(a.householdId(), a.year(), a.programme())))
                    .toList());
        }
        ofRelease(step.processInstanceId()).ifPresent(request -> {
            context.put("fundRequest", request);
            context.put("remaining", ledger.remaining(request.householdId(), request.year(), request.programme()));
        });
        context.put("secondApprovalAbove", settings.secondApprovalAbove());
        return context;
    }

    private FundRequest row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong(1);
        List<Approval> approvals = jdbc.sql("""
                select round_no, approval_level, decision, opinion, decided_by, decided_at from bf_fund_approval
                 where request_id = ? order by id""").param(id)
                .query((a, i) -> new Approval(a.getInt(1), ApprovalLevel.valueOf(a.getString(2)), a.getString(3),
                        a.getString(4), a.getString(5), a.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        return new FundRequest(id, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getObject(5, Long.class),
                rs.getString(6), rs.getInt(7), Programme.valueOf(rs.getString(8)), Money.ofFen(rs.getLong(9)),
                rs.getString(10), rs.getString(11), rs.getInt(12), rs.getBoolean(13), Status.valueOf(rs.getString(14)),
                rs.getString(15), rs.getObject(16, OffsetDateTime.class).toInstant(), approvals);
    }
}
