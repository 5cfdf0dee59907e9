package com.minkshop.command.web;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DatabaseFailures;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (errors that never reached a controller, e.g. thrown by a
 * filter) with the same problem documents as {@link ApiExceptionHandler}, replacing Spring Boot's
 * whitelabel/JSON error page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer statusCode)) {
            // requested directly, not an error dispatch: there is nothing here
            return Problems.response(Problems.problem(ErrorCode.NOT_FOUND,
                                                      Problems.defaultDetail(ErrorCode.NOT_FOUND)));
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null && DatabaseFailures.isUnavailable(failure)) {
            // e.g. the idempotency filter's lookup, before any controller ran
            log.warn("Database unavailable for {}: {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                     failure.toString());
            return Problems.response(Problems.problem(ErrorCode.SERVICE_UNAVAILABLE,
                                                      Problems.defaultDetail(ErrorCode.SERVICE_UNAVAILABLE)));
        }
        ErrorCode code = Problems.codeForStatus(status.value());
        if (status.is5xxServerError()) {
            log.error("Request {} failed before reaching a controller",
                      request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                      failure);
        }
        return Problems.response(Problems.problem(status, code, Problems.defaultDetail(code)));
    }
}
