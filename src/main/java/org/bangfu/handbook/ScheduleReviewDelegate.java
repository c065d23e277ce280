package org.bangfu.handbook;

import org.bangfu.pairing.PairingVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 排定下次复核: the next review falls due one interval from now; the timer waits for that date. */
@Component("scheduleReviewDelegate")
class ScheduleReviewDelegate implements JavaDelegate {

    private final Reviews reviews;

    ScheduleReviewDelegate(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the engine's clock, which its timers follow
        execution.setVariable(ReviewVariables.DUE, reviews.schedule((Long) execution.getVariable(PairingVariables.HOUSEHOLD_ID),
                execution.getProcessInstanceId(), (String) execution.getVariable(ReviewVariables.INTERVAL),
                ClockUtil.getCurrentTime().toInstant()));
    }
}
