package org.bangfu.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 支付指令: writes the approved request's payment instruction under its unique reference. */
@Component("instructPaymentDelegate")
class InstructPaymentDelegate implements JavaDelegate {

    private final FundPayments payments;

    InstructPaymentDelegate(FundPayments payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(FundVariables.PAYMENT_ID,
                payments.instruct((Long) execution.getVariable(FundVariables.REQUEST_ID)));
    }
}
