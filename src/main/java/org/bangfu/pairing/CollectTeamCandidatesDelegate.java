package org.bangfu.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The candidates {@code TeamAssignmentDecision} chooses from: the team already paired in the household's
 * village, the least-loaded team of its street and of the district, each with its current caseload.
 */
@Component("collectTeamCandidatesDelegate")
class CollectTeamCandidatesDelegate implements JavaDelegate {

    private final TeamCaseloads caseloads;

    CollectTeamCandidatesDelegate(TeamCaseloads caseloads) {
        this.caseloads = caseloads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TeamCaseloads.Candidates candidates = caseloads.candidates((Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID));
        execution.setVariable(PairingVariables.VILLAGE_TEAM_ID, candidates.villageTeamId());
        execution.setVariable(PairingVariables.VILLAGE_TEAM_CASELOAD, candidates.villageTeamCaseload());
        execution.setVariable(PairingVariables.STREET_TEAM_ID, candidates.streetTeamId());
        execution.setVariable(PairingVariables.STREET_TEAM_CASELOAD, candidates.streetTeamCaseload());
        execution.setVariable(PairingVariables.DISTRICT_TEAM_ID, candidates.districtTeamId());
    }
}
