package org.bangfu.handbook;

import org.bangfu.pairing.PairingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提议退出: the review's conclusion becomes a proposal to leave assistance, with the team's opinion as reasons. */
@Component("proposeExitDelegate")
class ProposeExitDelegate implements JavaDelegate {

    private final Exits exits;
    private final Reviews reviews;

    ProposeExitDelegate(Exits exits, Reviews reviews) {
        this.exits = exits;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.propose((Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID),
                reviews.exitReasons(execution.getProcessInstanceId()));
    }
}
