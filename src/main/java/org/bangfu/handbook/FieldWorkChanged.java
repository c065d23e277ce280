package org.bangfu.handbook;

import java.time.LocalDate;

/**
 * A household's field work changed (a visit recorded or redated, its next review scheduled or stopped): when it was
 * last visited, by when its next visit is due (its last visit plus its review interval; its first review when never
 * visited; null when neither is known, i.e. due while its plan is being made) and when its next review falls due.
 */
public record FieldWorkChanged(long householdId, LocalDate lastVisitedOn, LocalDate visitDueBy,
        LocalDate reviewDueOn) {
}
