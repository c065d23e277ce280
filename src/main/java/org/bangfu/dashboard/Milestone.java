package org.bangfu.dashboard;

import java.util.Optional;
import java.util.Set;

import org.bangfu.household.HouseholdStage;

/**
 * The steps of the procedure the leadership counts month by month. A case sent back a step and forward again
 * enters its stages twice, but reaches a milestone once.
 */
enum Milestone {
    /** A case began: the household's home check, for the first time or after its last case ended. */
    CASE_STARTED,
    /** Filed with the district (备案): from filing to team assignment. */
    FILED,
    PAIRED,
    NOT_ELIGIBLE,
    EXITED;

    private static final Set<HouseholdStage> NO_CASE = Set.of(HouseholdStage.IDENTIFICATION,
            HouseholdStage.NOT_ELIGIBLE, HouseholdStage.EXITED);

    /** The milestone a move from one stage to another reaches, if any. */
    static Optional<Milestone> of(HouseholdStage from, HouseholdStage to) {
        if (to == HouseholdStage.HOME_CHECK && (from == null || NO_CASE.contains(from))) {
            return Optional.of(CASE_STARTED);
        }
        if (from == HouseholdStage.FILING && to == HouseholdStage.TEAM_ASSIGNMENT) {
            return Optional.of(FILED);
        }
        return switch (to) {
            case PAIRED -> Optional.of(PAIRED);
            case NOT_ELIGIBLE -> Optional.of(NOT_ELIGIBLE);
            case EXITED -> Optional.of(EXITED);
            default -> Optional.empty();
        };
    }
}
