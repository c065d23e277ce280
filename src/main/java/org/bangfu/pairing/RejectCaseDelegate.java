package org.bangfu.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不予认定: the case ends, the household's stage becomes "not eligible", and a letter to the applicant is written. */
@Component("rejectCaseDelegate")
class RejectCaseDelegate implements JavaDelegate {

    private final Letters letters;

    RejectCaseDelegate(Letters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        letters.rejectCase((Long) execution.getVariable(PairingVariables.CASE_ID),
                (String) execution.getVariable(PairingVariables.REJECTED_AT),
                (String) execution.getVariable(PairingVariables.REJECTION_REASON));
    }
}
