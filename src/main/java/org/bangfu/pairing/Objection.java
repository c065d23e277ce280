package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

/** An objection (异议) to a notice and, once re-checked, how it was decided. */
public record Objection(long id, long noticeId, LocalDate receivedOn, Channel channel, String objector, String contact,
        String content, String recordedBy, Instant recordedAt, Status status, String resolution, String resolvedBy) {

    public enum Channel {
        VISIT, PHONE, LETTER, ONLINE
    }

    public enum Status {
        OPEN, UPHELD, DISMISSED
    }

    /** What an officer records, or what arrives through the API. */
    public record Draft(LocalDate receivedOn, Channel channel, String objector, String contact, String content) {
    }
}
