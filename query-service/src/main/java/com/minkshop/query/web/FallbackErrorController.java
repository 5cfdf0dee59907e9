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
        int code = status instanceof Integer value ? value : 500;
        if (code == 404) {
            return Problems.of(ErrorCode.NOT_FOUND, "No such resource");
        }
        if (code == 405) {
            return Problems.of(ErrorCode.METHOD_NOT_ALLOWED, "Method not supported here");
        }
        if (code >= 400 && code < 500) {
            return Problems.of(ErrorCode.MALFORMED_REQUEST, "The request could not be understood");
        }
        return Problems.of(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred");
    }
}
