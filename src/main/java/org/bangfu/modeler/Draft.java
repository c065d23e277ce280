package org.bangfu.modeler;

import java.time.Instant;

/**
 * A change to one process or decision file, kept in Bangfu's tables until it is deployed: its XML, why, who made
 * it, and where it stands. {@code rowVersion} guards against two people saving or deciding at once.
 *
 * @param basedOnId the engine's id of the version the change starts from (the live one when it was made)
 */
public record Draft(long id, String definitionKey, ModelKind kind, String resourceName, String basedOnId,
        Integer basedOnVersion, Origin origin, String content, String reason, Status status, String author,
        String authorName, Instant createdAt, Instant updatedAt, Instant proposedAt, String decidedBy,
        String decidedByName, Instant decidedAt, String decisionNote, String deploymentId, int rowVersion) {

    /** How the change began. */
    public enum Origin {
        /** a copy of a deployed version, edited */
        EDIT,
        /** an earlier version's XML, to become the newest */
        ROLLBACK,
        /** the file a new release of Bangfu ships, while an administrator's version is live */
        RELEASE
    }

    public enum Status {
        DRAFT,
        PROPOSED,
        DEPLOYED,
        REJECTED,
        DISCARDED;

        public boolean isOpen() {
            return this == DRAFT || this == PROPOSED;
        }
    }
}
