package org.bangfu.pairing;

import org.bangfu.household.Households;
import org.bangfu.shared.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 结对: the team the district confirmed assists the household from now on. */
@Component("assignTeamDelegate")
class AssignTeamDelegate implements JavaDelegate {

    private final Households households;

    AssignTeamDelegate(Households households) {
        this.households = households;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long householdId = (Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID);
        long teamId = (Long) execution.getVariable(PairingVariables.TEAM_ID);
        CurrentUser.runAsUserOrSystem(() -> households.teamAssigned(householdId, teamId));
    }
}
