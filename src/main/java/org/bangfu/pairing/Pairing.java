package org.bangfu.pairing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.household.HouseholdDraft;
import org.bangfu.household.HouseholdFile;
import org.bangfu.household.HouseholdNotFound;
import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.household.MemberDraft;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.InvalidInput.FieldError;
import org.bangfu.shared.InvalidInput;
import org.bangfu.shared.Role;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance-pairing procedure (帮扶结对) of a household: starting its case, and the case's history. The
 * steps themselves are worked through {@link PairingTasks}.
 */
@Service
public class Pairing {

    /** A case may start from these stages: a new file, or again after a case that ended. */
    public static final Set<HouseholdStage> STARTABLE = Set.of(HouseholdStage.IDENTIFICATION,
            HouseholdStage.NOT_ELIGIBLE, HouseholdStage.EXITED);

    private final Households households;
    private final Cases cases;
    private final RuntimeService runtime;

    Pairing(Households households, Cases cases, RuntimeService runtime) {
        this.households = households;
        this.cases = cases;
        this.runtime = runtime;
    }

    /**
     * Starts {@code AssistancePairingProcess} for a household (street officers for their street, the district):
     * its first step, the home check, goes to the street's officers.
     */
    @Transactional
    public PairingCase start(long householdId) {
        String username = CurrentUser.requireRole(Role.STREET, Role.DISTRICT).getUsername();
        HouseholdFile file = households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        if (!file.editable()) {
            throw new AccessDeniedException("read-only");
        }
        Optional<PairingCase> open = cases.open(householdId);
        if (open.isPresent()) {
            throw new CaseAlreadyOpen(open.get().id());
        }
        if (!STARTABLE.contains(file.stage())) {
            throw new InvalidInput(List.of(new FieldError("stage", "pairing.start.stage")));
        }
        if (file.members().isEmpty()) {
            throw new InvalidInput(List.of(new FieldError("members", "pairing.start.noMembers")));
        }
        long caseId;
        try {
            caseId = cases.create(householdId, username);
        } catch (DuplicateKeyException startedMeanwhile) {
            throw new CaseAlreadyOpen(cases.open(householdId).map(PairingCase::id).orElse(0L));
        }
        String processInstanceId = runtime.startProcessInstanceByKey(PairingVariables.PAIRING_PROCESS, file.fileNo(),
                Map.of(PairingVariables.HOUSEHOLD_ID, householdId, PairingVariables.CASE_ID, caseId,
                        PairingVariables.STREET_ID, file.streetId()))
                .getId();
        cases.started(caseId, processInstanceId);
        return cases.find(caseId).orElseThrow();
    }

    /**
     * A new case for a household not yet on file: creates its file with the head of household as first member and
     * starts the case, all or nothing; the file's and the member's rules apply as on the household pages.
     */
    @Transactional
    public PairingCase startNew(HouseholdDraft household, MemberDraft head) {
        CurrentUser.requireRole(Role.STREET, Role.DISTRICT);
        HouseholdFile file = households.create(household);
        households.addMember(file.id(), head);
        return start(file.id());
    }

    /** The household's cases, newest first, if the caller may see the household. */
    @Transactional(readOnly = true)
    public List<PairingCase> cases(long householdId) {
        households.find(householdId).orElseThrow(() -> new HouseholdNotFound(householdId));
        return cases.ofHousehold(householdId);
    }

    /** The steps people completed in a case, oldest first, if the caller may see its household. */
    @Transactional(readOnly = true)
    public List<CaseStep> steps(long caseId) {
        PairingCase pairingCase = cases.find(caseId).orElseThrow(() -> new PairingNotFound("case " + caseId));
        if (households.find(pairingCase.householdId()).isEmpty()) {
            throw new PairingNotFound("case " + caseId);
        }
        return cases.steps(caseId);
    }
}
