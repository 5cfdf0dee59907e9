package com.minkshop.query.web;

import com.minkshop.api.common.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised by the servlet container before Spring MVC sees the request (for example a rejected URL) get the
 * same problem+json format instead of Boot's default error body.
 */
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ErrorCode code = codeFor(status instanceof Integer value ? value : 500);
        return Problems.of(code, detailFor(code));
    }

    /** The code for an error the container raised, here and in {@link ProblemErrorReportValve}. */
    static ErrorCode codeFor(int status) {
        if (status == 404) {
            return ErrorCode.NOT_FOUND;
        }
        if (status == 405) {
            return ErrorCode.METHOD_NOT_ALLOWED;
        }
        return status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
    }

    static String detailFor(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "Method not supported here";
            case MALFORMED_REQUEST -> "The request could not be understood";
            default -> "An unexpected error occurred";
        };
    }
}
