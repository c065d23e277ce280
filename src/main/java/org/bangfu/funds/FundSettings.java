package org.bangfu.funds;

import org.bangfu.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The limits of fund requests: the most one request may ask, and above what a second district approval is needed. */
@Component
class FundSettings {

    private final Money maxRequest;
    private final Money secondApprovalAbove;

    FundSettings(@Value("${bangfu.funds.max-request:100000}") long maxRequestYuan,
            @Value("${bangfu.funds.second-approval-above:50000}") long secondApprovalAboveYuan) {
        this.maxRequest = Money.ofYuan(maxRequestYuan);
        this.secondApprovalAbove = Money.ofYuan(secondApprovalAboveYuan);
    }

    Money maxRequest() {
        return maxRequest;
    }

    Money secondApprovalAbove() {
        return secondApprovalAbove;
    }
}
