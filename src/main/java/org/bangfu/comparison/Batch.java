package org.bangfu.comparison;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.bangfu.comparison.ComparisonReport.UsedDataset;

/** A batch re-check (核对) of every active household: its progress and totals. */
public record Batch(long id, Status status, LocalDate asOf, List<UsedDataset> datasets, List<AppliedRule> rules,
        int totalHouseholds, int householdsDone, int peopleChecked, int householdsHit, int warningCount,
        boolean cancelRequested, OffsetDateTime startedAt, String startedBy, OffsetDateTime finishedAt) {

    public enum Status {
        RUNNING, DONE, CANCELLED
    }

    /** Done share between 0 and 1. */
    public double progress() {
        return totalHouseholds == 0 ? (status == Status.RUNNING ? 0 : 1)
                : Math.min(1.0, householdsDone / (double) totalHouseholds);
    }

    /** Share of the checked households with at least one warning. */
    public double hitShare() {
        return householdsDone == 0 ? 0 : householdsHit / (double) householdsDone;
    }
}
