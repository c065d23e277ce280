package org.bangfu.comparison;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.bangfu.comparison.AgencyData.AgencyRecord;

/**
 * One hit: a member of the household matched an agency record under a rule. Shows the declared data beside
 * the agency's, field by field, and how an officer resolved it ({@code carriedFrom}: the earlier warning on the
 * same member, record and rule whose resolution it took over).
 */
public record Warning(long id, String ruleCode, Severity severity, BigDecimal threshold, String textZh, String textEn,
        long memberId, String memberName, String relation, AgencyKind kind, int datasetVersion, AgencyRecord record,
        List<FieldPair> fields, Status status, Consequence consequence, String reasonCode, String note,
        String resolvedBy, OffsetDateTime resolvedAt, Long carriedFrom, int version) {

    public enum Status {
        OPEN, CONFIRMED, DISMISSED
    }

    /** What a confirmed warning means for the case. */
    public enum Consequence {
        /** The household does not qualify (the pairing ends). */
        EXCLUDE,
        /** The household's data is to be corrected; the case goes on. */
        ADJUST
    }

    /** A field of the agency record and what the household file declares for it (null: nothing declared). */
    public record FieldPair(String field, String declared, String agency) {
    }

    public String text(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
    }
}
