package org.bangfu.comparison;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.bangfu.comparison.ComparisonReport.UsedDataset;

/**
 * A batch re-check (核对) of every active household: the households and people it checks (counted when it
 * starts), its progress in chunks of households, and what it found so far.
 */
public record Batch(long id, Status status, LocalDate asOf, List<UsedDataset> datasets, List<AppliedRule> rules,
        int households, int people, int chunks, int chunksDone, int householdsHit, int warningCount,
        boolean cancelRequested, OffsetDateTime startedAt, String startedBy, OffsetDateTime finishedAt) {

    public enum Status {
        RUNNING, DONE, CANCELLED
    }

    /** Done share between 0 and 1. */
    public double progress() {
        return chunks == 0 ? (status == Status.RUNNING ? 0 : 1) : chunksDone / (double) chunks;
    }

    /** Share of the checked households with at least one warning. */
    public double hitShare() {
        return households == 0 ? 0 : householdsHit / (double) households;
    }
}
