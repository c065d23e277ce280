package org.bangfu.household;

/**
 * What other modules count a household by (its street, team, stage, class and main cause), without its file:
 * carried by {@link HouseholdChanged} and replayed by {@link HouseholdFeed}.
 *
 * @param teamId    null until a team is assigned
 * @param mainCause the code of the main cause of difficulty, or null
 */
public record HouseholdFacts(long householdId, String headName, long streetId, Long teamId, HouseholdStage stage,
        Attribute attribute, String mainCause) {
}
