package org.bangfu.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps what {@code FundApprovalDecision} decided with the request, whose approvals follow it. */
@Component("recordApprovalLevels")
class RecordApprovalLevelsListener implements ExecutionListener {

    private final FundRequests requests;

    RecordApprovalLevelsListener(FundRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        requests.levelsDecided((Long) execution.getVariable(FundVariables.REQUEST_ID),
                Boolean.TRUE.equals(execution.getVariable(FundVariables.SECOND_APPROVAL)));
    }
}
