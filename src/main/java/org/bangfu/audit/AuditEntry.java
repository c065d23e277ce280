package org.bangfu.audit;

import java.time.Instant;

/**
 * One line of the append-only audit log: who did what to which target, from where, with which outcome.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String target,
        String sourceAddress, Outcome outcome, String detail) {

    public enum Outcome {
        SUCCESS, FAILURE
    }
}
