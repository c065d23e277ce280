package org.bangfu.comparison;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * A rule as configured: the data set it reads, severity, texts ({0} stands for the threshold), threshold,
 * whether it applies, and its version (raised on every change).
 */
public record ComparisonRule(String code, Severity severity, String textZh, String textEn,
        BigDecimal threshold, boolean active, int version) {

    /** What the rule's threshold means, if it has one. */
    public enum Threshold {
        NONE, YUAN_PER_MONTH, SQUARE_METRES, MONTHS
    }

    /** The data set the rule reads. */
    public AgencyKind kind() {
        return RuleTest.of(code).kind();
    }

    public Threshold thresholdKind() {
        return RuleTest.of(code).threshold();
    }

    public String text(Locale locale) {
        return text(locale, threshold);
    }

    String text(Locale locale, BigDecimal value) {
        String pattern = locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
        return MessageFormat.format(pattern.replace("'", "''"), value == null ? "" : value.stripTrailingZeros().toPlainString());
    }
}
