package uk.mentoring.kit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import uk.mentoring.kit.domain.RuleViolation;

/**
 * Every error a service answers is problem+json (RFC 9457), written for the person reading it:
 * which field, which rule, what would be accepted. Nothing about the implementation leaks.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandlingAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlingAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        HttpStatus status = Problems.statusOf(violation.kind());
        return ResponseEntity.status(status).body(Problems.of(status, violation.rule(), violation.title(), violation.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException denied) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this action."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrQuery(MethodArgumentTypeMismatchException mismatch) {
        String detail = "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName() + expected(mismatch);
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail));
    }

    /** What would have been accepted, for the element type when the parameter repeats. */
    private static String expected(MethodArgumentTypeMismatchException mismatch) {
        Class<?> type = mismatch.getParameter().nestedIfOptional().getNestedParameterType();
        if (java.util.Collection.class.isAssignableFrom(type)) {
            type = mismatch.getParameter().nested().getNestedParameterType();
        }
        if (type == java.util.UUID.class) {
            return ": expected an id such as 3c7e2a90-8b1d-4e5f-a6c3-2d9f0e1b4a77.";
        }
        if (type == java.time.LocalDate.class) {
            return ": expected a date such as 2026-12-01.";
        }
        if (type.isEnum()) {
            return ": expected one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ".";
        }
        return ".";
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandlingAdvice::fieldError)
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message")).sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                detail.isEmpty() ? "The request is not valid." : detail + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        String detail = invalid.getAllErrors().stream().map(error -> error.getDefaultMessage()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().headers(headers)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail));
    }

    /** A path nothing answers, in the platform's words rather than the framework's ("No static resource ..."). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Nothing here",
                "Nothing answers " + missing.getHttpMethod() + " /" + missing.getResourcePath() + " in this API."));
    }

    /** A body of a type this endpoint does not read: says which it does, so the caller can send that. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException unsupported, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        String given = unsupported.getContentType() == null ? "no Content-Type" : "Content-Type " + unsupported.getContentType();
        String accepted = unsupported.getSupportedMediaTypes().stream().map(type -> type.getType() + "/" + type.getSubtype()).distinct()
                .filter(type -> !type.equals("*/*")).sorted().collect(Collectors.joining(" or "));
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "This endpoint does not read a body sent with " + given + (accepted.isEmpty() ? "." : "; send it as " + accepted + "."));
        // the headers given carry Accept, naming the same types
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", describe(unreadable));
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(switch (status.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> status.is4xxClientError() ? "invalid-request" : "server-error";
            }));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception unexpected) {
        log.error("Unexpected failure", unexpected);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                "Something went wrong", "The request could not be completed. Nothing was recorded; it is safe to try again."));
    }

    private static Map<String, Object> fieldError(FieldError error) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("field", error.getField());
        described.put("message", sizeMessage(error).orElse(error.getDefaultMessage()));
        return described;
    }

    /**
     * A length refused in the words of what was sent: "has 20000 characters; at most 300", "has 2000
     * entries; at most 30", where one message for text and lists alike could only say both.
     */
    private static Optional<String> sizeMessage(FieldError error) {
        if (!error.contains(ConstraintViolation.class)
                || !(error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAnnotation() instanceof Size size)) {
            return Optional.empty();
        }
        Object value = error.unwrap(ConstraintViolation.class).getInvalidValue();
        int entries = value instanceof Collection<?> list ? list.size() : value instanceof Map<?, ?> map ? map.size() : -1;
        String length = value instanceof CharSequence text ? text.length() + " characters" : entries >= 0 ? entries + " entries" : null;
        String allowed = size.min() > 0 ? "from " + size.min() + " to " + size.max() : "at most " + size.max();
        return Optional.ofNullable(length).map(given -> "has " + given + "; " + allowed);
    }

    private static String describe(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a field of this request; accepted fields: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".";
        }
        if (cause instanceof JacksonException jackson && jackson.getOriginalMessage() != null
                && jackson.getOriginalMessage().startsWith("Duplicate Object property")) {
            return "A field is given twice (" + jackson.getOriginalMessage().replaceAll("^Duplicate Object property ", "") + "): give each once.";
        }
        // a value that does not fit its field, found where it sits; broken JSON has a path too, and is said to be broken
        JacksonException located = null;
        for (Throwable link = unreadable.getCause(); link != null && link != link.getCause(); link = link.getCause()) {
            if ((link instanceof DatabindException || link instanceof InputCoercionException) && !((JacksonException) link).getPath().isEmpty()) {
                located = (JacksonException) link;
                break;
            }
        }
        if (located != null) {
            return path(located) + " " + shouldHold(located) + ".";
        }
        if (unreadable.getMessage() != null && unreadable.getMessage().startsWith("Required request body is missing")) {
            return "The request needs a JSON body.";
        }
        return "The request body is not valid JSON.";
    }

    /** What the field should have held, in words, and what it held instead where that helps. */
    private static String shouldHold(JacksonException located) {
        Class<?> target = located instanceof MismatchedInputException mismatched ? mismatched.getTargetType()
                : located instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        Object value = located instanceof InvalidFormatException invalid ? invalid.getValue() : null;
        // a value is echoed so the sender can see it, not sent back whole: a page of text is cut short
        String shown = value == null ? null : String.valueOf(value);
        String got = shown == null ? "" : "; got '" + (shown.length() > 60 ? shown.substring(0, 60) + "\u2026 (" + shown.length() + " characters)" : shown) + "'";
        if (target == null) {
            return "has a value of the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + got;
        }
        if (target == LocalDate.class) {
            return "must be a date such as 2026-10-01" + got;
        }
        if (target == LocalTime.class) {
            return "must be a time of day such as 15:45" + got;
        }
        if (target == Instant.class || target == LocalDateTime.class) {
            return "must be a date and time such as 2026-10-01T15:45" + got;
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return located instanceof InputCoercionException ? "must be a whole number of a sensible size" : "must be a whole number" + got;
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false" + got;
        }
        if (target == String.class) {
            return "must be text" + got;
        }
        if (target == UUID.class) {
            return "must be an id such as 5f0c8f38-6f0e-4c2b-9d8f-3a1c0c4f2b10" + got;
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "has a value of the wrong type" + got;
    }

    private static String path(JacksonException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "The body" : path;
    }
}
