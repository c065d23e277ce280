package org.bangfu.pairing;

import java.time.Instant;

/** A letter to the applicant (不予认定告知书): at which step the case ended and why. */
public record Letter(long id, long caseId, long householdId, String stepKey, String reason, Instant createdAt) {
}
