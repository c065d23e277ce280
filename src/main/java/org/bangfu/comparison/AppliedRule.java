package org.bangfu.comparison;

import java.math.BigDecimal;

/** A rule as a comparison applied it: its code and version, severity and threshold at the time. */
record AppliedRule(String code, int version, Severity severity, BigDecimal threshold) {

    RuleTest test() {
        return RuleTest.of(code);
    }
}
