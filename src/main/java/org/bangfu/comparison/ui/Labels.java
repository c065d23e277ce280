package org.bangfu.comparison.ui;

import org.bangfu.comparison.Severity;
import org.bangfu.comparison.Warning;

/** The badge colours of severities and states, shared by the comparison views. */
final class Labels {

    private Labels() {
    }

    static String severityTheme(Severity severity) {
        return switch (severity) {
            case HIGH -> "error";
            case MEDIUM -> "contrast";
            case LOW -> "contrast pill";
        };
    }

    static String statusTheme(Warning.Status status) {
        return switch (status) {
            case OPEN -> "primary";
            case CONFIRMED -> "error";
            case DISMISSED -> "success";
        };
    }
}
