package org.bangfu.organisation;

import java.util.List;

/** Account data that breaks a rule; nothing was saved. Each error names a field and a message key. */
public class InvalidAccount extends RuntimeException {

    private final List<FieldError> errors;

    InvalidAccount(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    InvalidAccount(String field, String messageKey, Object... arguments) {
        this(List.of(new FieldError(field, messageKey, arguments)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: the field, the message key and its arguments. */
    public record FieldError(String field, String messageKey, Object... arguments) {

        @Override
        public String toString() {
            return field + ": " + messageKey;
        }
    }
}
