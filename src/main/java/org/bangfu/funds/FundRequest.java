package org.bangfu.funds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.shared.Money;
import org.bangfu.shared.Role;

/**
 * A team's request for funds for one household (资金申请), as it stands in its current round, with the decisions
 * taken in that round. It guards its approvals: nobody approves their own request, nobody decides twice in a
 * round, and the levels come in order.
 */
public record FundRequest(long id, long householdId, long streetId, long teamId, Long caseId, String processInstanceId, int year,
        Programme programme, Money amount, String purpose, String measure, int round, boolean secondApproval,
        Status status, String requestedBy, Instant requestedAt, List<Approval> approvals) {

    public enum Status {
        /** Waiting for its approvals. */
        REQUESTED,
        /** Sent back to the team to change and ask again. */
        RETURNED,
        /** Approved at every level: the payment is instructed. */
        APPROVED,
        REJECTED, WITHDRAWN,
        /** Confirmed paid by the bank. */
        PAID,
        /** The bank could not pay: the team may ask again, which needs every approval again. */
        FAILED
    }

    /** One decision of a round. */
    public record Approval(int round, ApprovalLevel level, String decision, String opinion, String decidedBy,
            Instant decidedAt) {
    }

    /** The decisions of the current round. */
    public List<Approval> currentApprovals() {
        return approvals.stream().filter(a -> a.round() == round).toList();
    }

    /** The levels this request needs. */
    public List<ApprovalLevel> levels() {
        return secondApproval ? List.of(ApprovalLevel.values())
                : List.of(ApprovalLevel.LEADER, ApprovalLevel.DISTRICT);
    }

    /**
     * Why {@code username} (in {@code role}) may not decide at {@code level} now, as a message key, or empty.
     * Four eyes: not the requester, not someone who decided at another level of this round.
     */
    public Optional<String> refusal(ApprovalLevel level, String username, Role role) {
        if (status != Status.REQUESTED) {
            return Optional.of("funds.approval.notPending");
        }
        if (role != level.role()) {
            return Optional.of(level == ApprovalLevel.LEADER ? "funds.approval.leaderOnly" : "funds.approval.districtOnly");
        }
        if (username.equals(requestedBy)) {
            return Optional.of("funds.approval.ownRequest");
        }
        List<Approval> round = currentApprovals();
        if (round.stream().anyMatch(a -> a.decidedBy().equals(username))) {
            return Optional.of("funds.approval.twice");
        }
        if (round.stream().anyMatch(a -> a.level() == level)) {
            return Optional.of("funds.approval.notPending");
        }
        int index = levels().indexOf(level);
        if (index < 0 || round.size() != index) {
            return Optional.of("funds.approval.outOfOrder");
        }
        return Optional.empty();
    }
}
