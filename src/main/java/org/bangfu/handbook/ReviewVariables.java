package org.bangfu.handbook;

import java.util.List;

/** The names {@code PeriodicReviewProcess} uses: its key, its tasks, its variables and the review's conclusions. */
public final class ReviewVariables {

    public static final String PROCESS = "PeriodicReviewProcess";

    public static final String REVIEW_VISIT = "Task_ReviewVisit";
    public static final String ADJUST_MEASURES = "Task_AdjustMeasures";
    public static final List<String> TASKS = List.of(REVIEW_VISIT, ADJUST_MEASURES);

    /** The household's class (户属性), which ReviewFrequencyDecision reads. */
    public static final String HOUSEHOLD_ATTRIBUTE = "householdAttribute";
    /** How often the household is reviewed: an ISO-8601 period from ReviewFrequencyDecision. */
    public static final String INTERVAL = "reviewInterval";
    /** When the next review falls due (the timer's date). */
    public static final String DUE = "reviewDue";

    public static final String CONTINUE = "CONTINUE";
    public static final String ADJUST = "ADJUST";
    public static final String PROPOSE_EXIT = "PROPOSE_EXIT";
    public static final String ADJUSTED = "ADJUSTED";

    private ReviewVariables() {
    }
}
