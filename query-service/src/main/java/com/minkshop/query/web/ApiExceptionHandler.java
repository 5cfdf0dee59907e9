package com.minkshop.query.web;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.query.config.DatabaseFailures;
import com.minkshop.query.consistency.ProjectionLaggingException;
import com.minkshop.query.web.Problems.FieldProblem;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.math.BigDecimal;
import java.util.List;

/**
 * Turns every failure into the shop's problem+json format; bad input is always a 4xx, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** A database restart or failover takes seconds. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    @InitBinder
    void emptyParametersMeanAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true) {
            @Override
            public void setAsText(String text) {
                // %00 decodes to a character PostgreSQL refuses in a text parameter: a 400 here, not its 500
                if (text != null && text.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("text with U+0000");
                }
                super.setAsText(text);
            }
        });
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException e) {
        return Problems.of(e.code(), e.getMessage());
    }

    @ExceptionHandler(ProjectionLaggingException.class)
    ResponseEntity<ProblemDetail> lagging(ProjectionLaggingException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return withRetryAfter(Problems.of(ErrorCode.PROJECTION_LAGGING, e.getMessage()), seconds);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                                     .flatMap(result -> result.getResolvableErrors().stream()
                                                              .map(error -> new FieldProblem(
                                                                      result.getMethodParameter().getParameterName(),
                                                                      message(error))))
                                     .toList();
        return Problems.of(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                                     .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()),
                                                                v.getMessage()))
                                     .toList();
        return Problems.of(ErrorCode.VALIDATION_FAILED, "The request has invalid parameters", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        String field = e.getName();
        // a text parameter has no type to get wrong: it failed the U+0000 check of emptyParametersMeanAbsent
        String detail = e.getRequiredType() == String.class ? "has an invalid value" : "has the wrong type";
        return Problems.of(ErrorCode.MALFORMED_REQUEST, "Parameter '" + field + "' " + detail,
                           List.of(new FieldProblem(field, field + " " + expected(e))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return Problems.of(ErrorCode.VALIDATION_FAILED, "A required parameter is missing",
                           List.of(new FieldProblem(e.getParameterName(), e.getParameterName() + " is required")));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> unknownPath(Exception e) {
        return Problems.of(ErrorCode.NOT_FOUND, "No such resource");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> problem = Problems.of(ErrorCode.METHOD_NOT_ALLOWED,
                                                            "Method " + e.getMethod() + " is not supported here");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(problem.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(headers).body(problem.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        // the dashboard stream is text/event-stream, everything else JSON
        String available = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : MediaType.toString(e.getSupportedMediaTypes());
        return Problems.of(ErrorCode.NOT_ACCEPTABLE, "This resource is available as " + available + " only");
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<ProblemDetail> asyncTimeout(AsyncRequestTimeoutException e) {
        return Problems.of(ErrorCode.PROJECTION_LAGGING, "The view did not catch up in time; retry shortly");
    }

    /**
     * The client is gone (closing a dashboard tab ends its event stream this way): there is no one left to answer,
     * and it is no server error. Spring's own {@code ResponseEntityExceptionHandler} does the same.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    ResponseEntity<ProblemDetail> clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client gone before its answer: {}", e.toString());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            // one line: during an outage every request fails the same way
            log.warn("Database unavailable while answering a query: {}", e.toString());
            return withRetryAfter(Problems.of(ErrorCode.SERVICE_UNAVAILABLE,
                                              "The service cannot reach its database right now; retry shortly"),
                                  DATABASE_RETRY_AFTER_SECONDS);
        }
        log.error("Unexpected error while answering a query", e);
        return Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
    }

    private static ResponseEntity<ProblemDetail> withRetryAfter(ResponseEntity<ProblemDetail> problem, long seconds) {
        return ResponseEntity.status(problem.getStatusCode())
                             .headers(problem.getHeaders())
                             .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                             .body(problem.getBody());
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String expected(TypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type == null) {
            return "has an invalid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must not contain the character U+0000";
        }
        return "has an invalid value";
    }
}
