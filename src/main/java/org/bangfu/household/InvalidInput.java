package org.bangfu.household;

import java.util.List;

/** Input that breaks the rules of the file; nothing was saved. Each error names a field and a message key. */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: the field, the message key, and the message's arguments. */
    public record FieldError(String field, String messageKey, Object... arguments) {

        @Override
        public String toString() {
            return field + ": " + messageKey;
        }
    }
}
