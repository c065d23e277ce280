package org.bangfu.pairing;

/**
 * Process keys, task definition keys, variable and message names of {@code AssistancePairingProcess} and
 * {@code PublicNoticeProcess}. Variables stay small: ids and decisions; what people recorded is in Bangfu's
 * tables.
 */
public final class PairingVariables {

    public static final String PAIRING_PROCESS = "AssistancePairingProcess";
    public static final String MESSAGE_OBJECTION = "NoticeObjection";

    // task definition keys
    public static final String HOME_CHECK = "Task_HomeCheck";
    public static final String FIRST_REVIEW = "Task_FirstReview";
    public static final String RESOLVE_WARNINGS = "Task_ResolveWarnings";
    public static final String SECOND_REVIEW = "Task_SecondReview";
    public static final String STREET_REVIEW = "Task_StreetReview";
    public static final String FILING = "Task_Filing";
    public static final String CONFIRM_TEAM = "Task_ConfirmTeam";
    public static final String FIRST_VISIT_PLAN = "Task_FirstVisitPlan";
    public static final String POST_NOTICE = "Task_PostNotice";
    public static final String RECHECK = "Task_Recheck";

    // variables
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String CASE_ID = "caseId";
    public static final String STREET_ID = "streetId";
    public static final String TEAM_ID = "teamId";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REJECTED_AT = "rejectedAt";
    public static final String WARNINGS_RAISED = "warningsRaised";
    public static final String COMPARISON_REPORT_ID = "comparisonReportId";
    public static final String NOTICE_LEVEL = "noticeLevel";
    /** ADMISSION (the default) or EXIT: what a PublicNoticeProcess announces. */
    public static final String NOTICE_PURPOSE = "noticePurpose";
    public static final String NOTICE_ID = "noticeId";
    public static final String NOTICE_ENDS = "noticeEnds";
    public static final String NOTICE_OUTCOME = "noticeOutcome";
    public static final String RECHECK_GROUP = "recheckGroup";
    public static final String VILLAGE_TEAM_ID = "villageTeamId";
    public static final String VILLAGE_TEAM_CASELOAD = "villageTeamCaseload";
    public static final String STREET_TEAM_ID = "streetTeamId";
    public static final String STREET_TEAM_CASELOAD = "streetTeamCaseload";
    public static final String DISTRICT_TEAM_ID = "districtTeamId";
    public static final String PROPOSED_TEAM_ID = "proposedTeamId";

    // values
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String BACK = "BACK";
    public static final String UPHOLD = "UPHOLD";
    public static final String DISMISS = "DISMISS";
    public static final String UPHELD = "UPHELD";
    public static final String NO_OBJECTION = "NO_OBJECTION";

    private PairingVariables() {
    }

    /** The candidate group of a street's officers, of a team, and of the district. */
    public static String streetGroup(long streetId) {
        return "street-" + streetId;
    }

    public static String teamGroup(long teamId) {
        return "team-" + teamId;
    }

    /** The leaders of a team: they approve its fund requests. */
    public static String teamLeaderGroup(long teamId) {
        return "team-" + teamId + "-leaders";
    }

    public static final String DISTRICT_GROUP = "district";
}
