package org.bangfu.household;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

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

    /** The REST answer: 400 with each field's message in the caller's language. */
    public ProblemDetail toProblem(MessageSource messages, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("api.invalidInput", null, locale));
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(),
                        "message", messages.getMessage(error.messageKey(), error.arguments(), locale)))
                .toList());
        return problem;
    }

    /** One broken rule: the field, the message key, and the message's arguments. */
    public record FieldError(String field, String messageKey, Object... arguments) {

        @Override
        public String toString() {
            return field + ": " + messageKey;
        }
    }
}
