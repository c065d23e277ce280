package org.bangfu.household;

/**
 * Filters of the household list; null matches everything. {@code search} matches the head's or a
 * member's name (prefix) or an ID number (exact, any case of x).
 */
public record HouseholdFilter(Long streetId, Long villageId, Long teamId, HouseholdStage stage, Attribute attribute,
        String mainCause, String search) {

    public static final HouseholdFilter NONE = new HouseholdFilter(null, null, null, null, null, null, null);

    public HouseholdFilter {
        search = search == null || search.isBlank() ? null : search.trim();
        mainCause = mainCause == null || mainCause.isBlank() ? null : mainCause;
    }

    public HouseholdFilter withSearch(String text) {
        return new HouseholdFilter(streetId, villageId, teamId, stage, attribute, mainCause, text);
    }
}
