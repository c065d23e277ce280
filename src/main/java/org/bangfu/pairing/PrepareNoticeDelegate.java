package org.bangfu.pairing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成公示: the notice's text is fixed from the file (a new round after a dismissed objection). */
@Component("prepareNoticeDelegate")
class PrepareNoticeDelegate implements JavaDelegate {

    private final Notices notices;

    PrepareNoticeDelegate(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String level = (String) execution.getVariable(PairingVariables.NOTICE_LEVEL);
        Object purpose = execution.getVariable(PairingVariables.NOTICE_PURPOSE);
        Notice notice = notices.prepare((Long) execution.getVariable(PairingVariables.CASE_ID),
                (Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID), Notice.Level.valueOf(level),
                purpose == null ? Notice.Purpose.ADMISSION : Notice.Purpose.valueOf((String) purpose),
                execution.getProcessInstanceId());
        execution.setVariable(PairingVariables.NOTICE_ID, notice.id());
        execution.setVariable(PairingVariables.RECHECK_GROUP, notice.level() == Notice.Level.VILLAGE
                ? PairingVariables.streetGroup((Long) execution.getVariable(PairingVariables.STREET_ID))
                : PairingVariables.DISTRICT_GROUP);
    }
}
