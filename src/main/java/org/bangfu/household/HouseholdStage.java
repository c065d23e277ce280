package org.bangfu.household;

/**
 * Where a household stands in the assistance-pairing procedure (DESIGN.md section 2). The pairing process
 * keeps it in step; labels come from the bundles ({@code stage.NAME}).
 */
public enum HouseholdStage {
    IDENTIFICATION,
    HOME_CHECK,
    FIRST_REVIEW,
    COMPARISON,
    SECOND_REVIEW,
    FIRST_NOTICE,
    STREET_REVIEW,
    SECOND_NOTICE,
    FILING,
    TEAM_ASSIGNMENT,
    PLANNING,
    PAIRED,
    NOT_ELIGIBLE,
    EXITED
}
