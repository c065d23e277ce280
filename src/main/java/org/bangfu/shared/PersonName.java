package org.bangfu.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person's name may hold, wherever one is entered (head of household, members, a measure's responsible
 * person, a cadre): letters of any script, so Han characters and the names of minorities in their own script; the
 * middle dot that joins the parts of a transcribed name (阿卜杜·热合曼); and, between letters, one space, hyphen or
 * apostrophe (Mary-Jane O'Neil). Nothing else: no digits, no control characters, no brackets, quotes, {@code = + - @}
 * or other signs, so a name can neither start a spreadsheet formula nor carry markup into a printed document.
 */
public final class PersonName {

    /** The longest name the file keeps. */
    public static final int MAX_LENGTH = 50;

    /**
     * Letter runs (with their combining marks; 〇 is a letter in names) joined by single separators: a space, a
     * hyphen, an apostrophe (straight or curly) or one of the middle dots people type (· ・ ‧ •).
     */
    private static final Pattern NAME = Pattern.compile(
            "[\\p{L}〇][\\p{L}\\p{M}〇]*(?:[ \\-'’·・‧•][\\p{L}〇][\\p{L}\\p{M}〇]*)*");

    private PersonName() {
    }

    /**
     * Why a typed name is not one, as a message key ({@code personName.tooLong}, {@code personName.invalid}), or empty
     * when it is one. A blank name is no problem here: whether a name is required is the form's to say.
     */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.trim();
        if (name.length() > MAX_LENGTH) {
            return Optional.of("personName.tooLong");
        }
        return NAME.matcher(name).matches() ? Optional.empty() : Optional.of("personName.invalid");
    }
}
