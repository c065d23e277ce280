package org.bangfu.comparison;

import org.bangfu.shared.StaleVersion;

/** Someone else changed the rule or resolved the warning meanwhile; nothing was saved. */
public class StaleComparison extends StaleVersion {

    StaleComparison(String messageKey) {
        super("the rule or warning", messageKey, null);
    }
}
