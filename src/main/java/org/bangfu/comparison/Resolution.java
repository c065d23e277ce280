package org.bangfu.comparison;

import org.bangfu.comparison.Warning.Consequence;
import org.bangfu.comparison.Warning.Status;

/** An officer's decision on a warning: confirmed (with a consequence) or dismissed, a reason code and a note. */
public record Resolution(Status decision, Consequence consequence, String reasonCode, String note) {
}
