package org.bangfu.handbook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingVariables;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.bangfu.shared.SignedInUser;
import org.bangfu.tasks.FormField;
import org.bangfu.tasks.FormInput;
import org.bangfu.tasks.StepOutcome;
import org.bangfu.tasks.TaskStep;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaving assistance (退出 / 风险消除): the team or the district proposes it with reasons, the street checks at
 * home, the village posts a public notice, the district approves; the household then leaves active assistance, its
 * file and handbook kept read-only until a new pairing. A proposal not confirmed, objected to or rejected returns the
 * household to its periodic reviews. One open proposal per household.
 */
@Service
public class Exits {

    private final JdbcClient jdbc;
    private final Households households;
    private final Reviews reviews;
    private final RuntimeService runtime;
    private final FieldWorkFeed feed;
    private final Clock clock;

    Exits(JdbcClient jdbc, Households households, Reviews reviews, RuntimeService runtime, FieldWorkFeed feed,
            Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.reviews = reviews;
        this.runtime = runtime;
        this.feed = feed;
        this.clock = clock;
    }

    /** A proposal to leave assistance and where it stands. */
    public record Proposal(long id, long householdId, String reasons, String proposedBy, Instant proposedAt,
            String status) {
    }

    /**
     * Proposes that a paired household leave assistance (its team or the district), with the reasons (e.g. income
     * stable above the line for at least six months); starts {@code HouseholdExitProcess}.
     *
     * @return the proposal
     */
    @Transactional
    public Proposal propose(long householdId, String reasons) {
        SignedInUser user = CurrentUser.requireRole(Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.DISTRICT);
        HouseholdFile file = households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        if (user.role() != Role.DISTRICT && !user.teamId().equals(file.teamId())) {
            throw new HouseholdNotFound(householdId);
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        if (file.stage() != HouseholdStage.PAIRED) {
            errors.add(new FieldError("household", "handbook.exit.notPaired"));
        }
        HandbookRules.required("reasons", reasons, errors);
        HandbookRules.fits("reasons", reasons, 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long caseId = pairedCase(householdId);
        KeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime proposedAt = now();
        try {
            jdbc.sql("""
                    insert into bf_exit (household_id, reasons, proposed_by, proposed_at, status, open_household_id)
                    values (?, ?, ?, ?, 'PROPOSED', ?)""")
                    .params(householdId, reasons.strip(), user.getUsername(), proposedAt, householdId)
                    .update(keys, "id");
        } catch (DuplicateKeyException alreadyProposed) {
            throw new InvalidInput(List.of(new FieldError("household", "handbook.exit.open")));
        }
        long exitId = keys.getKey().longValue();
        feed.exitProposed(householdId, file.streetId(), file.teamId(), proposedAt);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PairingVariables.HOUSEHOLD_ID, householdId);
        variables.put(PairingVariables.CASE_ID, caseId);
        variables.put(PairingVariables.STREET_ID, file.streetId());
        variables.put(PairingVariables.TEAM_ID, file.teamId());
        variables.put(ExitVariables.EXIT_ID, exitId);
        String processInstanceId = runtime.startProcessInstanceByKey(ExitVariables.PROCESS, file.fileNo(), variables)
                .getId();
        jdbc.sql("update bf_exit set process_instance_id = ? where id = ?").params(processInstanceId, exitId).update();
        return find(exitId);
    }

    /** The household's proposals, newest first. */
    @Transactional(readOnly = true)
    public List<Proposal> ofHousehold(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return jdbc.sql(COLUMNS + " where household_id = ? order by id desc").param(householdId).query(Exits::row)
                .list();
    }

    private static final String COLUMNS = """
            select id, household_id, reasons, proposed_by, proposed_at, status from bf_exit""";

    private Proposal find(long exitId) {
        return jdbc.sql(COLUMNS + " where id = ?").param(exitId).query(Exits::row).single();
    }

    private static Proposal row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6));
    }

    // ---- the process's steps -------------------------------------------------------------------------

    /** What the exit's tasks show: the proposal. */
    Map<String, Object> context(TaskStep step) {
        Map<String, Object> context = new LinkedHashMap<>();
        Optional.ofNullable(step.longVariable(ExitVariables.EXIT_ID)).map(this::find)
                .ifPresent(proposal -> context.put("exitProposal", proposal));
        return context;
    }

    /** 入户核实: the street confirms at home that the household's situation is stable, or not. */
    StepOutcome homeCheck(TaskStep step, FormInput input) {
        String decision = input.choice(FormField.DECISION,
                List.of(ExitVariables.CONFIRM, ExitVariables.NOT_CONFIRMED));
        String findings = input.text("findings", true, 2000);
        input.throwIfInvalid();
        if (ExitVariables.NOT_CONFIRMED.equals(decision)) {
            end(step.longVariable(ExitVariables.EXIT_ID), "NOT_CONFIRMED");
        }
        return StepOutcome.of(input, decision, findings);
    }

    /** 区民政局审批: the district approves the exit or rejects it with a reason. */
    StepOutcome approve(TaskStep step, FormInput input) {
        String decision = input.choice(FormField.DECISION, List.of(ExitVariables.APPROVE, ExitVariables.REJECT));
        String opinion = input.text("opinion", ExitVariables.REJECT.equals(decision), 2000);
        input.throwIfInvalid();
        if (ExitVariables.REJECT.equals(decision)) {
            end(step.longVariable(ExitVariables.EXIT_ID), "REJECTED");
        }
        return StepOutcome.of(input, decision, opinion);
    }

    /** 退出: the household leaves active assistance; its periodic review stops. */
    void exit(long exitId) {
        Proposal proposal = find(exitId);
        households.exited(proposal.householdId());
        end(exitId, "EXITED");
        reviews.stop(proposal.householdId(), "household exited");
    }

    /** 继续帮扶: the proposal ended without exit (not confirmed, objected to, rejected); reviews go on. */
    void resume(long exitId, boolean objectionUpheld) {
        if (objectionUpheld) {
            end(exitId, "OBJECTED");
        }
        Proposal proposal = find(exitId);
        long teamId = jdbc.sql("select team_id from bf_household where id = ?").param(proposal.householdId())
                .query(Long.class).single();
        reviews.start(proposal.householdId(), pairedCase(proposal.householdId()), teamId);
    }

    /** The case that paired the household, the latest if several. */
    private long pairedCase(long householdId) {
        return jdbc.sql("select max(id) from bf_pairing_case where household_id = ? and status = 'PAIRED'")
                .param(householdId).query(Long.class).single();
    }

    private void end(long exitId, String status) {
        jdbc.sql("""
                update bf_exit set status = ?, open_household_id = null, ended_at = ? where id = ? and status = 'PROPOSED'""")
                .params(status, now(), exitId).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
