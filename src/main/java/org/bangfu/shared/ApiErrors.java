package org.bangfu.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * How the REST API answers a request it cannot take, whatever its shape: a problem detail (RFC 9457) in the caller's
 * {@code Accept-Language}, Chinese by default, that names each field at fault, as a facade's refused input does
 * ({@code detail}, and {@code errors} of {@code field} and {@code message}). A body that is not JSON, a value of the
 * wrong type, an id that is not a number, a missing parameter, an upload that cannot be read: all 400, never an
 * exception's name or trace. A facade's refused input ({@link InvalidInput}) answers 400 the same way; what the caller
 * named but may not see answers 404 ({@link NotFound}); a write based on an old version ({@link StaleVersion}) or
 * clashing with another ({@link Conflict}) 409. The one place every API's errors are answered: an API whose callers
 * read its own words for an error says so with {@link ApiMessages}.
 * <p>
 * Global rather than limited to Bangfu's packages: an upload is read before its handler is known, and its problems
 * would otherwise pass every advice by.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** One field the request got wrong, as a message key with its arguments. */
    record FieldProblem(String field, String messageKey, Object... arguments) {
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return e.toProblem(messages, locale());
    }

    @ExceptionHandler(ETags.PreconditionRequired.class)
    ProblemDetail preconditionRequired(ETags.PreconditionRequired e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, text("api.ifMatchRequired"));
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e, HttpServletRequest request) {
        String worded = e instanceof StaleVersion ? wording(request, e).map(ApiMessages::stale).orElse("") : "";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, worded.isEmpty()
                ? messages.getMessage(e.messageKey(), e.arguments(), locale()) : text(worded));
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        String worded = wording(request, e).map(ApiMessages::notFound).orElse("");
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, worded.isEmpty()
                ? messages.getMessage(e.messageKey(), e.arguments(), locale()) : text(worded));
    }

    /** 403 with a message where the API words refusals itself; elsewhere Spring Security answers with its own 403. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        String worded = wording(request, e).map(ApiMessages::accessDenied).orElse("");
        if (worded.isEmpty()) {
            throw e;
        }
        String key = e instanceof ApiMessages.Keyed keyed ? keyed.messageKey() : worded;
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text(key));
    }

    @ExceptionHandler(TextInput.ControlCharacter.class)
    ProblemDetail controlCharacter(TextInput.ControlCharacter e) {
        return invalid(List.of(new FieldProblem(e.field(), "api.field.control")));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException e) {
        // Tomcat's and Commons FileUpload's refusal of a file name (a NUL byte, say) carry the same simple name
        boolean fileName = causes(e).anyMatch(c -> c.getClass().getSimpleName().equals("InvalidFileNameException"));
        return invalid(List.of(new FieldProblem("file", fileName ? "api.fileName.invalid" : "api.multipart.invalid")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        JsonMappingException mapping = causes(e).filter(JsonMappingException.class::isInstance)
                .map(JsonMappingException.class::cast).findFirst().orElse(null);
        ProblemDetail problem;
        if (mapping != null && !mapping.getPath().isEmpty()) {
            problem = invalid(List.of(fieldProblem(path(mapping), mapping)));
        } else if (mapping != null) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.body.invalid"));
        } else if (causes(e).anyMatch(com.fasterxml.jackson.core.JacksonException.class::isInstance)) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.body.unreadable"));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.body.required"));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "value" : e.getPropertyName();
        return ResponseEntity.badRequest().headers(headers)
                .body(invalid(List.of(expected(field, e.getRequiredType(), e.getValue()))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(invalid(List.of(new FieldProblem(e.getParameterName(), "form.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(invalid(List.of(new FieldProblem(e.getRequestPartName(), "api.file.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MissingRequestHeaderException header ? header.getHeaderName() : "request";
        return ResponseEntity.badRequest().headers(headers).body(invalid(List.of(new FieldProblem(field, "form.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream().map(error -> {
            Class<?> type = e.getBindingResult().getFieldType(error.getField());
            return error.isBindingFailure() ? expected(error.getField(), type, error.getRejectedValue())
                    : new FieldProblem(error.getField(), "api.field.invalid");
        }).toList();
        return ResponseEntity.badRequest().headers(headers).body(problems.isEmpty()
                ? ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.status.400")) : invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).headers(headers)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, text("api.status.413")));
    }

    /** Everything else the framework refuses (unknown path, method, media type): its status with a plain message. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        problem.setDetail(messages.getMessage("api.status." + status.value(), null,
                text(status.is4xxClientError() ? "api.status.400" : "api.status.500"), locale()));
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    // ---- the answer ----------------------------------------------------------------------------------------

    /** 400 with every field's message, the same answer as a facade's refused input. */
    private ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.invalidInput"));
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message",
                        messages.getMessage(p.messageKey(), p.arguments(), locale())))
                .toList());
        return problem;
    }

    /** How the API that took the request words this error, if it says. */
    private static Optional<ApiMessages> wording(HttpServletRequest request, RuntimeException e) {
        return Optional.ofNullable(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE))
                .filter(HandlerMethod.class::isInstance)
                .map(handler -> AnnotatedElementUtils.findMergedAnnotation(((HandlerMethod) handler).getBeanType(),
                        ApiMessages.class))
                .filter(words -> words.of().length == 0 || Arrays.stream(words.of()).anyMatch(c -> c.isInstance(e)));
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** What was wrong with a JSON value: its type, its range, or (for money) its form. */
    private static FieldProblem fieldProblem(String field, JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Object value = e instanceof InvalidFormatException format ? format.getValue() : null;
            return expected(field, mismatch.getTargetType(), value);
        }
        if (causes(e).anyMatch(InputCoercionException.class::isInstance)) {
            return new FieldProblem(field, "api.field.range");
        }
        return new FieldProblem(field, "api.field.invalid");
    }

    /** The message that says what a field of this type takes. */
    private static FieldProblem expected(String field, Class<?> type, Object value) {
        if (type == null) {
            return new FieldProblem(field, "api.field.invalid");
        }
        if (type == Money.class) {
            return new FieldProblem(field, value instanceof String text
                    ? Money.strictProblem(text).orElse("money.strict") : "money.strict");
        }
        if (type.isEnum()) {
            return new FieldProblem(field, "api.field.choice", Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return new FieldProblem(field, "form.integer.invalid");
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return new FieldProblem(field, "api.field.number");
        }
        if (type == LocalDate.class) {
            return new FieldProblem(field, "form.date.invalid");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new FieldProblem(field, "api.field.boolean");
        }
        if (type == String.class) {
            // a text parameter is refused only for what it holds (see TextInput)
            return new FieldProblem(field, value instanceof String ? "api.field.control" : "api.field.text");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new FieldProblem(field, "api.field.list");
        }
        return new FieldProblem(field, "api.field.object");
    }

    /** {@code members[0].name}: where in the body the value was. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable e) {
        return java.util.stream.Stream.iterate(e, c -> c != null, c -> c.getCause() == c ? null : c.getCause());
    }
}
