package org.bangfu.pairing;

import org.bangfu.household.HouseholdStage;
import org.bangfu.household.Households;
import org.bangfu.pairing.PairingCase.Status;
import org.bangfu.shared.CurrentUser;
import org.bangfu.shared.ProcessExpressionBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the household's stage in its file in step with the process: each step of
 * {@code AssistancePairingProcess} calls {@code ${householdStages.enter(execution, 'STAGE')}} when it begins,
 * and the end of a paired case {@code ${householdStages.paired(execution)}}.
 */
@Component("householdStages")
@ProcessExpressionBean
public class HouseholdStages {

    private final Households households;
    private final Cases cases;
    private final ApplicationEventPublisher events;

    HouseholdStages(Households households, Cases cases, ApplicationEventPublisher events) {
        this.households = households;
        this.cases = cases;
        this.events = events;
    }

    public void enter(DelegateExecution execution, String stage) {
        long householdId = (Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID);
        CurrentUser.runAsUserOrSystem(() -> households.reachedStep(householdId, HouseholdStage.valueOf(stage)));
    }

    public void paired(DelegateExecution execution) {
        long householdId = (Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID);
        long caseId = (Long) execution.getVariable(PairingVariables.CASE_ID);
        long teamId = (Long) execution.getVariable(PairingVariables.TEAM_ID);
        CurrentUser.runAsUserOrSystem(() -> households.paired(householdId));
        cases.close(caseId, Status.PAIRED, null);
        events.publishEvent(new HouseholdPaired(caseId, householdId, teamId, execution.getProcessInstanceId()));
    }
}
