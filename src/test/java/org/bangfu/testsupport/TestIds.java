package org.bangfu.testsupport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.bangfu.shared.IdNumber;

/** Valid ID numbers (GB 11643) of the demo district for tests, by birth date and sequence. */
public final class TestIds {

    private TestIds() {
    }

    public static String id(LocalDate birth, int sequence) {
        String first17 = "340203" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** The first valid ID number from {@code sequence} on whose check character is X. */
    public static String endingInX(LocalDate birth, int sequence) {
        for (int s = sequence; ; s++) {
            String id = id(birth, s);
            if (id.endsWith("X")) {
                return id;
            }
        }
    }
}
