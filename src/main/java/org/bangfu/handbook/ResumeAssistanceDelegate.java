package org.bangfu.handbook;

import org.bangfu.pairing.PairingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 继续帮扶: the household stays in assistance and its periodic reviews go on. */
@Component("resumeAssistanceDelegate")
class ResumeAssistanceDelegate implements JavaDelegate {

    private final Exits exits;

    ResumeAssistanceDelegate(Exits exits) {
        this.exits = exits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exits.resume((Long) execution.getVariable(ExitVariables.EXIT_ID),
                "UPHELD".equals(execution.getVariable(PairingVariables.NOTICE_OUTCOME)));
    }
}
