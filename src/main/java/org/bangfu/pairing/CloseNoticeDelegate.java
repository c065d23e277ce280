package org.bangfu.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 公示期满: the period ended without an objection. */
@Component("closeNoticeDelegate")
class CloseNoticeDelegate implements JavaDelegate {

    private final Notices notices;

    CloseNoticeDelegate(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.end((Long) execution.getVariable(PairingVariables.NOTICE_ID));
        execution.setVariable(PairingVariables.NOTICE_OUTCOME, PairingVariables.NO_OBJECTION);
    }
}
