package org.bangfu.handbook;

import java.util.List;

/** The names {@code HouseholdExitProcess} uses: its key, its tasks, its variables and decisions. */
public final class ExitVariables {

    public static final String PROCESS = "HouseholdExitProcess";

    public static final String HOME_CHECK = "Task_ExitHomeCheck";
    public static final String DISTRICT_APPROVAL = "Task_DistrictExitApproval";
    public static final List<String> TASKS = List.of(HOME_CHECK, DISTRICT_APPROVAL);

    /** The proposal's id in {@code bf_exit}. */
    public static final String EXIT_ID = "exitId";

    public static final String CONFIRM = "CONFIRM";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT_EXIT";

    private ExitVariables() {
    }
}
