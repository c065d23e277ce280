package org.bangfu.handbook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退出帮扶: the household leaves active assistance. */
@Component("exitHouseholdDelegate")
class ExitHouseholdDelegate implements JavaDelegate {

    private final Exits exits;

    ExitHouseholdDelegate(Exits exits) {
        this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.exit((Long) execution.getVariable(ExitVariables.EXIT_ID));
    }
}
