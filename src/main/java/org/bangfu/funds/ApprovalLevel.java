package org.bangfu.funds;

import org.bangfu.shared.Role;

/** Who approves a fund request, in order: the team's leader, the district, and above an amount a second officer. */
public enum ApprovalLevel {
    LEADER(Role.TEAM_LEADER, FundVariables.LEADER_APPROVAL),
    DISTRICT(Role.DISTRICT, FundVariables.DISTRICT_APPROVAL),
    DISTRICT_SECOND(Role.DISTRICT, FundVariables.SECOND_DISTRICT_APPROVAL);

    private final Role role;
    private final String taskKey;

    ApprovalLevel(Role role, String taskKey) {
        this.role = role;
        this.taskKey = taskKey;
    }

    public Role role() {
        return role;
    }

    public String taskKey() {
        return taskKey;
    }

    static ApprovalLevel ofTask(String taskKey) {
        for (ApprovalLevel level : values()) {
            if (level.taskKey.equals(taskKey)) {
                return level;
            }
        }
        throw new IllegalArgumentException("no approval at " + taskKey);
    }
}
