package com.minkshop.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.CorrelationId;
import com.minkshop.api.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details as this API sends them: {@code status}, {@code title}, {@code detail}, the stable
 * {@code code}, the request's {@code correlationId} and, for validation, {@code errors}.
 */
final class Problems {

    static final String INTERNAL_ERROR_DETAIL =
            "The request could not be completed because of an internal error. It has been logged.";

    static final String SERVICE_UNAVAILABLE_DETAIL =
            "The service cannot reach its database right now. Retry shortly; a retry with the same Idempotency-Key "
            + "is always safe.";
    /** When a client should try again after a 503: a database restart or failover takes seconds. */
    static final long RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    static ProblemDetail problem(ErrorCode code, String detail) {
        return problem(HttpStatus.valueOf(code.httpStatus()), code, detail);
    }

    static ProblemDetail problem(HttpStatus status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.value() == code.httpStatus() ? code.title() : status.getReasonPhrase());
        problem.setProperty("code", code.name());
        // set by CorrelationFilter for the whole request, on every thread that handles it
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty(CorrelationId.PROBLEM_PROPERTY, correlationId);
        }
        return problem;
    }

    /** Answers from a servlet filter, before Spring MVC and its exception handlers. */
    static void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                     ObjectMapper mapper) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    }

    static ProblemDetail validation(List<ApiFieldError> errors) {
        String detail = errors.size() == 1
                ? "1 field is invalid"
                : errors.size() + " fields are invalid";
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The content type is fixed rather than negotiated, so a client that asked for something else (even the 406
     * case) still gets a readable problem.
     */
    static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            merged.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
        }
        return new ResponseEntity<>(problem, merged, problem.getStatus());
    }

    static ResponseEntity<Object> response(ProblemDetail problem) {
        return response(problem, HttpHeaders.EMPTY);
    }

    /** The code for an HTTP error that did not come from a command (framework or container errors). */
    static ErrorCode codeForStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }

    static String defaultDetail(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST -> "The request could not be understood.";
            case NOT_FOUND -> "No resource exists at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support the request method.";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced; responses are JSON.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "Request bodies must be application/json.";
            case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE_DETAIL;
            default -> INTERNAL_ERROR_DETAIL;
        };
    }
}
