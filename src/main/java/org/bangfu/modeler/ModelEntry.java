package org.bangfu.modeler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One process or decision in the library: its versions newest first (the first is live: new cases use it), the
 * changes being made to it, and whether a release of Bangfu brought a file that waits for the administrator.
 */
public record ModelEntry(String key, String name, ModelKind kind, String resourceName, List<Version> versions,
        List<Draft> openDrafts, Optional<Instant> releaseWaitingSince) {

    /** Where a deployed version came from. */
    public enum Source {
        /** a file of processes/, deployed when Bangfu started */
        SHIPPED,
        /** changed in the browser */
        EDITED,
        /** an earlier version deployed again */
        ROLLBACK,
        /** a release's file an administrator took over */
        RELEASE
    }

    /**
     * @param runningCases process instances on this version (decisions: 0)
     * @param authorName   who made the change (null: shipped), {@code approverName} who approved it
     */
    public record Version(String definitionId, int version, String name, String deploymentId, Instant deployedAt,
            Source source, String authorName, String approverName, String reason, long runningCases, Long draftId) {
    }

    public Version live() {
        return versions.get(0);
    }
}
