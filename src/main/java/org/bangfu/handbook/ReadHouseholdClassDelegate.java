package org.bangfu.handbook;

import org.bangfu.pairing.PairingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 读取户属性: the household's class as it stands now, for ReviewFrequencyDecision. */
@Component("readHouseholdClassDelegate")
class ReadHouseholdClassDelegate implements JavaDelegate {

    private final Reviews reviews;

    ReadHouseholdClassDelegate(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReviewVariables.HOUSEHOLD_ATTRIBUTE,
                reviews.householdClass((Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID)));
    }
}
