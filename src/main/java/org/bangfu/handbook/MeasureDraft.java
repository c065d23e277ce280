package org.bangfu.handbook;

import java.time.LocalDate;

import org.bangfu.shared.Money;

/** What a team member enters for a measure of the plan; {@link Measures} checks it. */
public record MeasureDraft(String category, String partyUnit, String partyPerson, String content, LocalDate plannedOn,
        Money cost, Long fundRequestId) {
}
