package org.bangfu.organisation;

/** A password was refused by {@link PasswordPolicy}; the message key says which rule it broke. */
public class PasswordPolicyViolation extends RuntimeException {

    private final String messageKey;

    PasswordPolicyViolation(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
