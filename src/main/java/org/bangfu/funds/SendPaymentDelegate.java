package org.bangfu.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 资金支付 (the asynchronous payment job): hands the instruction to the bank once, however often it runs. */
@Component("sendPaymentDelegate")
class SendPaymentDelegate implements JavaDelegate {

    private final FundPayments payments;

    SendPaymentDelegate(FundPayments payments) {
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payments.queue((Long) execution.getVariable(FundVariables.PAYMENT_ID));
    }
}
