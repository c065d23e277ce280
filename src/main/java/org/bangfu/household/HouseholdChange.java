package org.bangfu.household;

import java.time.Instant;

/** One line of a file's history: who changed what, when, from which value to which. */
public record HouseholdChange(long id, Instant occurredAt, String actor, Kind kind, String subject, String field,
        String oldValue, String newValue) {

    public enum Kind {
        CREATED, UPDATED, MEMBER_ADDED, MEMBER_UPDATED, MEMBER_REMOVED, ATTACHMENT_ADDED, STAGE_CHANGED, TEAM_MOVED
    }
}
