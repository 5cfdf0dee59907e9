package com.minkshop.query.web;

import com.minkshop.api.common.CorrelationId;
import com.minkshop.api.common.ErrorCode;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the problem+json bodies shared with the command-service: status, title, detail, code, the request's
 * correlationId and, for bad input, the offending fields.
 */
final class Problems {

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> of(ErrorCode code, String detail) {
        return of(code, detail, List.of());
    }

    static ResponseEntity<ProblemDetail> of(ErrorCode code, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        // set by CorrelationFilter on every thread that handles the request
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty(CorrelationId.PROBLEM_PROPERTY, correlationId);
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                                                .map(Problems::asJson)
                                                .toList());
        }
        // a preset content type is written as is, even when the client's Accept header would not allow it (406)
        return ResponseEntity.status(code.httpStatus())
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }

    private static Map<String, String> asJson(FieldProblem error) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("field", error.field());
        json.put("message", error.message());
        return json;
    }

    record FieldProblem(String field, String message) {
    }
}
