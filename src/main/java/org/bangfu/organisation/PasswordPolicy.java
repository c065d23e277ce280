package org.bangfu.organisation;

import java.util.Optional;

/**
 * MLPS password complexity: at least 8 characters from at least 3 of the classes upper case,
 * lower case, digit and symbol, not the account name, and not the demo password, which is published.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MIN_CLASSES = 3;

    private PasswordPolicy() {
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    public static Optional<String> violation(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.policy.length");
        }
        if (password.equals(DemoData.DEMO_PASSWORD)) {
            return Optional.of("password.policy.published");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("password.policy.username");
        }
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (char c : password.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return classes < MIN_CLASSES ? Optional.of("password.policy.classes") : Optional.empty();
    }
}
