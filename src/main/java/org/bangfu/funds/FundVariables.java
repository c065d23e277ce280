package org.bangfu.funds;

import java.util.List;

/** Keys, task keys, variables, messages and decisions of {@code FundReleaseProcess}. */
public final class FundVariables {

    public static final String RELEASE_PROCESS = "FundReleaseProcess";
    public static final String MESSAGE_PAYMENT_SETTLED = "PaymentSettled";

    // task definition keys
    public static final String REQUEST = "Task_RequestFunds";
    public static final String LEADER_APPROVAL = "Task_LeaderApproval";
    public static final String DISTRICT_APPROVAL = "Task_DistrictApproval";
    public static final String SECOND_DISTRICT_APPROVAL = "Task_SecondDistrictApproval";
    /** The release's user tasks, in the order a release meets them. */
    public static final List<String> TASKS = List.of(REQUEST, LEADER_APPROVAL, DISTRICT_APPROVAL,
            SECOND_DISTRICT_APPROVAL);

    // variables (also householdId, caseId, streetId, teamId and decision, named as in the pairing)
    public static final String REQUEST_ID = "requestId";
    public static final String AMOUNT_FEN = "amountFen";
    public static final String SECOND_APPROVAL_ABOVE_FEN = "secondApprovalAboveFen";
    public static final String SECOND_APPROVAL = "secondApproval";
    public static final String PAYMENT_ID = "paymentId";
    public static final String PAYMENT_RESULT = "paymentResult";

    // decisions
    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String RETURN = "RETURN";
    public static final String PAID = "PAID";
    public static final String FAILED = "FAILED";

    private FundVariables() {
    }
}
