package org.bangfu.handbook;

import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.shared.Money;

/**
 * A measure of the household's plan (帮扶措施): its category (code list {@code MEASURE}), the assisting party
 * (帮扶主体: unit and person), what it is, when it is planned, what it costs, the fund release that pays for it,
 * and where it stands.
 */
public record Measure(long id, long householdId, String category, String partyUnit, String partyPerson,
        String content, LocalDate plannedOn, Money cost, Long fundRequestId, Status status, String statusReason,
        LocalDate doneOn, String createdBy, Instant createdAt, int version) {

    public enum Status {
        PLANNED, IN_PROGRESS, DONE, DROPPED;

        /** Whether the measure is still to be delivered, and so may still be changed. */
        public boolean isOpen() {
            return this == PLANNED || this == IN_PROGRESS;
        }

        /** Whether a measure in this status may move to {@code next}: forward only, and never out of done or dropped. */
        public boolean mayBecome(Status next) {
            return switch (this) {
                case PLANNED -> next == IN_PROGRESS || next == DONE || next == DROPPED;
                case IN_PROGRESS -> next == DONE || next == DROPPED;
                case DONE, DROPPED -> false;
            };
        }
    }

    /** One step of a measure's life: planned, started, done or dropped, by whom and why. */
    public record Event(Status status, String reason, String actor, Instant occurredAt) {
    }
}
