package org.bangfu.comparison;

/** How serious a warning is; labels come from {@code comparison.severity.NAME}. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
