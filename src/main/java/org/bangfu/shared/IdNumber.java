package org.bangfu.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A national ID number (居民身份证号码, GB 11643-1999): six digits of address code, eight of birth date,
 * three of sequence (odd for men, even for women) and a check character. A lower-case x is accepted and
 * kept upper-case.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private IdNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** The reason a text is not a valid ID number on the given day, as a message key, or empty when it is. */
    public static Optional<String> problem(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Optional.of("idNumber.required");
        }
        String candidate = text.trim().toUpperCase();
        if (candidate.length() != 18) {
            return Optional.of("idNumber.length");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(candidate.charAt(i)) || candidate.charAt(i) > '9') {
                return Optional.of("idNumber.digits");
            }
        }
        char last = candidate.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("idNumber.digits");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(candidate.substring(6, 10)), Integer.parseInt(candidate.substring(10, 12)),
                    Integer.parseInt(candidate.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("idNumber.birthDate");
        }
        if (birth.isAfter(today) || birth.getYear() < 1890) {
            return Optional.of("idNumber.birthDate");
        }
        if (checkCharacter(candidate) != last) {
            return Optional.of("idNumber.checkCharacter");
        }
        return Optional.empty();
    }

    /** Parses a valid ID number, or throws with the message key of what is wrong. */
    public static IdNumber parse(String text, LocalDate today) {
        problem(text, today).ifPresent(key -> {
            throw new InvalidIdNumber(key);
        });
        String value = text.trim().toUpperCase();
        LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
        Gender gender = (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new IdNumber(value, birth, gender);
    }

    /** The check character of the first seventeen digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    /** Shown to those without a need to see it: the address code and the last four characters. */
    public String masked() {
        return mask(value);
    }

    /** Masks any ID-number-like text the same way: first six and last four characters stay. */
    public static String mask(String text) {
        if (text == null || text.length() < 11) {
            return text == null ? null : "*".repeat(text.length());
        }
        return text.substring(0, 6) + "*".repeat(text.length() - 10) + text.substring(text.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Gender as the ID number's sequence encodes it. */
    public enum Gender {
        MALE, FEMALE
    }

    /** A text that is not a valid ID number; the message key names the rule it broke. */
    public static final class InvalidIdNumber extends IllegalArgumentException {

        private final String messageKey;

        InvalidIdNumber(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
