package org.bangfu.handbook;

import java.time.LocalDate;
import java.util.List;

/** What a team member enters for a visit; {@link Visits} checks it. */
public record VisitDraft(LocalDate visitedOn, Visit.Kind kind, String visitors, String findings, String incomeChange,
        String healthChange, String housingChange, String schoolingChange, String needs, String measuresDelivered,
        String wishes, List<Long> photoIds, Confirmation confirmation, Long confirmationId) {

    /** The same visit, confirmed by the signature kept under {@code attachmentId}. */
    VisitDraft signed(long attachmentId) {
        return new VisitDraft(visitedOn, kind, visitors, findings, incomeChange, healthChange, housingChange,
                schoolingChange, needs, measuresDelivered, wishes, photoIds, Confirmation.SIGNATURE, attachmentId);
    }
}
