package com.minkshop.command.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DatabaseFailures;
import com.minkshop.command.common.DomainException;
import com.minkshop.command.idempotency.IdempotentRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Every error this API answers with is an {@code application/problem+json} document carrying a stable
 * {@link ErrorCode}. Spring MVC's own exceptions arrive through {@link ResponseEntityExceptionHandler}; command
 * failures (possibly wrapped by the future or the gateway) through {@link #handleCommandFailure}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleCommandFailure(Exception exception, HttpServletRequest request) {
        ProblemDetail problem = toProblem(exception, request);
        IdempotentRequest.of(request).ifPresent(idempotent -> idempotent.rejected(problem, request));
        return Problems.response(problem);
    }

    private static ProblemDetail toProblem(Throwable exception, HttpServletRequest request) {
        for (Throwable failure = exception; failure != null; failure = failure.getCause()) {
            Optional<ProblemDetail> problem = knownFailure(failure);
            if (problem.isPresent()) {
                return problem.get();
            }
            if (!isWrapper(failure)) {
                // failures outside the handler: opening or committing the command's transaction
                if (DatabaseFailures.isUnavailable(failure)) {
                    log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                             failure.toString());
                    return Problems.problem(ErrorCode.SERVICE_UNAVAILABLE,
                                            Problems.defaultDetail(ErrorCode.SERVICE_UNAVAILABLE));
                }
                break;
            }
        }
        log.error("Unexpected error in {} {}", request.getMethod(), request.getRequestURI(), exception);
        return Problems.problem(ErrorCode.INTERNAL_ERROR, Problems.INTERNAL_ERROR_DETAIL);
    }

    private static Optional<ProblemDetail> knownFailure(Throwable failure) {
        if (failure instanceof JSR303ViolationException invalid) {
            return Optional.of(Problems.validation(ApiFieldError.of(invalid.getViolations())));
        }
        if (failure instanceof DomainException rejected) {
            return Optional.of(Problems.problem(rejected.code(), rejected.getMessage()));
        }
        if (failure instanceof HandlerExecutionException handlerFailure) {
            return handlerFailure.getDetails()
                                 .filter(ErrorCode.class::isInstance)
                                 .map(ErrorCode.class::cast)
                                 .map(code -> commandProblem(code, handlerFailure));
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return Optional.of(Problems.problem(ErrorCode.CONCURRENT_MODIFICATION,
                                                "The resource was modified concurrently; please retry."));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(Problems.problem(ErrorCode.NOT_FOUND, "The addressed resource does not exist."));
        }
        return Optional.empty();
    }

    private static ProblemDetail commandProblem(ErrorCode code, HandlerExecutionException failure) {
        if (!code.isRefusal()) {
            // the error translation interceptor has already logged it; its text is about internals
            log.debug("Command failed: {}", failure.getMessage());
            return Problems.problem(code, Problems.defaultDetail(code));
        }
        return Problems.problem(code, failure.getMessage());
    }

    /** Wrappers whose cause is the real failure; anything else unknown is an internal error. */
    private static boolean isWrapper(Throwable failure) {
        return failure instanceof CompletionException
                || failure instanceof ExecutionException
                || failure instanceof HandlerExecutionException
                || failure instanceof ServletException;
    }

    // ---------------------------------------------------------------- Spring MVC's own exceptions

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception,
                                                             Object body,
                                                             HttpHeaders headers,
                                                             HttpStatusCode statusCode,
                                                             WebRequest request) {
        ProblemDetail problem = mvcProblem(exception, statusCode);
        if (problem.getStatus() >= 500) {
            log.error("Request failed: {}", request.getDescription(false), exception);
        }
        if (request instanceof ServletWebRequest servletRequest) {
            IdempotentRequest.of(servletRequest.getRequest())
                             .ifPresent(idempotent -> idempotent.rejected(problem, servletRequest.getRequest()));
        }
        return Problems.response(problem, headers);
    }

    private static ProblemDetail mvcProblem(Exception exception, HttpStatusCode statusCode) {
        if (exception instanceof HttpMessageNotReadableException unreadable) {
            return Problems.problem(ErrorCode.MALFORMED_REQUEST, unreadableDetail(unreadable));
        }
        if (exception instanceof MethodArgumentNotValidException invalid) {
            return Problems.validation(ApiFieldError.sorted(
                    invalid.getBindingResult().getFieldErrors().stream()
                           .map(error -> new ApiFieldError(error.getField(), error.getDefaultMessage()))
                           .toList()));
        }
        if (exception instanceof HandlerMethodValidationException) {
            return Problems.problem(ErrorCode.VALIDATION_FAILED, "The request parameters are invalid.");
        }
        ErrorCode code = exception instanceof HttpRequestMethodNotSupportedException ? ErrorCode.METHOD_NOT_ALLOWED
                : exception instanceof HttpMediaTypeNotSupportedException ? ErrorCode.UNSUPPORTED_MEDIA_TYPE
                : exception instanceof HttpMediaTypeNotAcceptableException ? ErrorCode.NOT_ACCEPTABLE
                : exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException
                        ? ErrorCode.NOT_FOUND
                : exception instanceof MaxUploadSizeExceededException ? ErrorCode.PAYLOAD_TOO_LARGE
                : Problems.codeForStatus(statusCode.value());
        HttpStatus status = code == ErrorCode.INTERNAL_ERROR || code == ErrorCode.MALFORMED_REQUEST
                ? HttpStatus.valueOf(code.httpStatus())
                : HttpStatus.valueOf(statusCode.value());
        return Problems.problem(status, code, Problems.defaultDetail(code));
    }

    /** Says what is wrong with the body in the client's terms (JSON paths), never in Java's. */
    static String unreadableDetail(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof StorableTextModule.UnstorableTextException text) {
            return "Field '" + jsonPath(text) + "' " + text.getOriginalMessage() + ".";
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field ")) {
            // strict-duplicate-detection: the message names the field, "Duplicate field 'quantity'"
            return "Field " + parse.getOriginalMessage().substring("Duplicate field ".length())
                   + " appears more than once.";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + jsonPath(unknown) + "'.";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String path = jsonPath(mismatch);
            return path.isEmpty()
                    ? "The request body must be a single JSON object."
                    : "Field '" + path + "' must be " + expected(mismatch.getTargetType()) + ".";
        }
        if (cause instanceof JsonMappingException mapping && !jsonPath(mapping).isEmpty()) {
            return mapping.getCause() instanceof InputCoercionException
                    ? "Field '" + jsonPath(mapping) + "' is out of range."
                    : "Field '" + jsonPath(mapping) + "' has an invalid value.";
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body is not valid JSON.";
        }
        String message = exception.getMessage();
        if (message != null && message.startsWith("Required request body is missing")) {
            return "The request body is missing.";
        }
        return "The request body could not be read.";
    }

    private static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of a different type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
