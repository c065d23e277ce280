package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.household.Attribute;

/**
 * A public notice (公示) of one round: what it says (never ID number, phone, bank account or health details),
 * where and when it was posted and when its period of working days ends.
 */
public record Notice(long id, long caseId, long householdId, Level level, int round, Status status, String headName,
        String streetName, String villageName, int householdSize, String mainCause, Attribute attribute,
        int periodDays, String objectionOffice, String objectionPhone, LocalDate postedOn, String postedPlace,
        LocalDate periodEnd, Instant createdAt, Purpose purpose) {

    /** What the notice announces: a household to be assisted, or one to leave assistance. */
    public enum Purpose {
        ADMISSION, EXIT
    }

    /** 村级公示 (first) and 街道公示 (second). */
    public enum Level {
        VILLAGE, STREET
    }

    /** PREPARED until posted; OBJECTED while a re-check runs; REPOSTED when a new round replaced it. */
    public enum Status {
        PREPARED, POSTED, ENDED, OBJECTED, UPHELD, REPOSTED
    }
}
