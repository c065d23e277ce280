package org.bangfu.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a comparison applies: the data set versions (one per kind) and the rules with their thresholds, as of
 * a date. Stored as text with every report and batch, so that a later change to a rule or a newer data set
 * never rewrites what an old result was based on.
 */
record Snapshot(LocalDate asOf, Map<AgencyKind, DatasetVersion> datasets, List<AppliedRule> rules) {

    record DatasetVersion(long id, int versionNo) {
    }


    /** The active rules whose data set exists, against the newest versions. */
    static Snapshot current(Map<AgencyKind, AgencyData.Dataset> latest, List<ComparisonRule> rules, LocalDate asOf) {
        Map<AgencyKind, DatasetVersion> datasets = new EnumMap<>(AgencyKind.class);
        latest.forEach((kind, d) -> datasets.put(kind, new DatasetVersion(d.id(), d.versionNo())));
        List<AppliedRule> applied = rules.stream().filter(r -> r.active() && datasets.containsKey(r.kind()))
                .map(r -> new AppliedRule(r.code(), r.version(), r.severity(), r.threshold())).toList();
        return new Snapshot(asOf, datasets, applied);
    }

    String datasetsText() {
        return datasets.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().id() + ":" + e.getValue().versionNo())
                .collect(Collectors.joining(";"));
    }

    String rulesText() {
        return rules.stream().map(r -> r.code() + "@" + r.version() + ":" + r.severity() + ":"
                + (r.threshold() == null ? "-" : r.threshold().stripTrailingZeros().toPlainString()))
                .collect(Collectors.joining(";"));
    }

    static Snapshot parse(LocalDate asOf, String datasetsText, String rulesText) {
        Map<AgencyKind, DatasetVersion> datasets = new EnumMap<>(AgencyKind.class);
        if (datasetsText != null && !datasetsText.isEmpty()) {
            for (String entry : datasetsText.split(";")) {
                String[] parts = entry.split(":");
                datasets.put(AgencyKind.valueOf(parts[0]),
                        new DatasetVersion(Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
            }
        }
        List<AppliedRule> rules = new ArrayList<>();
        if (rulesText != null && !rulesText.isEmpty()) {
            for (String entry : rulesText.split(";")) {
                String[] parts = entry.split(":");
                String[] codeAndVersion = parts[0].split("@");
                rules.add(new AppliedRule(codeAndVersion[0], Integer.parseInt(codeAndVersion[1]),
                        Severity.valueOf(parts[1]), "-".equals(parts[2]) ? null : new BigDecimal(parts[2])));
            }
        }
        return new Snapshot(asOf, datasets, rules);
    }
}
