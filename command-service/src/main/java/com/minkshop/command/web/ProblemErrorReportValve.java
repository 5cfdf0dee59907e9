package com.minkshop.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.CorrelationId;
import com.minkshop.api.common.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last-resort error page, for requests it rejects before any servlet runs (an encoded slash or a broken
 * escape in the path, TRACE): a problem document instead of Tomcat's HTML page. Errors that reach the servlet are
 * answered by {@link ApiExceptionHandler} or {@link ProblemErrorController}, and then this valve stays silent.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            // usually no filter ran for this request, so the correlation id is settled here
            String correlationId = response.getHeader(CorrelationId.HEADER) != null
                    ? response.getHeader(CorrelationId.HEADER)
                    : CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
            response.setHeader(CorrelationId.HEADER, correlationId);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status, correlationId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is unusable; there is no one left to tell
        }
    }

    private static Map<String, Object> problem(int status, String correlationId) {
        ErrorCode code = Problems.codeForStatus(status);
        HttpStatus httpStatus = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status == code.httpStatus() || httpStatus == null ? code.title()
                : httpStatus.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", Problems.defaultDetail(code));
        problem.put("code", code.name());
        problem.put(CorrelationId.PROBLEM_PROPERTY, correlationId);
        return problem;
    }
}
