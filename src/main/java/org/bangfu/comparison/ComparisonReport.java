package org.bangfu.comparison;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One household's comparison as the caller may see it: the data set versions and rules it applied, and one
 * warning per hit with the agency record as evidence. Complete when every warning is resolved; the household
 * is to be excluded when a confirmed warning says so.
 */
public record ComparisonReport(long id, long householdId, String fileNo, String headName, String streetName,
        String villageName, Long batchId, LocalDate asOf, List<UsedDataset> datasets, List<AppliedRule> rules,
        int membersChecked, OffsetDateTime createdAt, String createdBy, List<Warning> warnings, boolean resolvable) {

    /** A data set version the comparison read. */
    public record UsedDataset(AgencyKind kind, int versionNo) {
    }

    public long openWarnings() {
        return warnings.stream().filter(w -> w.status() == Warning.Status.OPEN).count();
    }

    public boolean complete() {
        return openWarnings() == 0;
    }

    /** A confirmed warning asks for the household to be excluded. */
    public boolean excludesHousehold() {
        return warnings.stream().anyMatch(w -> w.status() == Warning.Status.CONFIRMED
                && w.consequence() == Warning.Consequence.EXCLUDE);
    }
}
