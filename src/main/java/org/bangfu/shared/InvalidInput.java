package org.bangfu.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Input that breaks a rule; nothing was saved. Each error names a field and a message key. Every module refuses input
 * with it, and the REST API answers it with 400 ({@link ApiErrors}).
 */
public class InvalidInput extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String messageKey, Object... arguments) {
        this(List.of(new FieldError(field, messageKey, arguments)));
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
