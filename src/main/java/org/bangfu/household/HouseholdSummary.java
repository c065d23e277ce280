package org.bangfu.household;

/** One row of the household list. */
public record HouseholdSummary(long id, String fileNo, String headName, String streetName, String villageName,
        String teamName, HouseholdStage stage, Attribute attribute, String mainCause, int members) {
}
