package com.minkshop.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.CorrelationId;
import com.minkshop.api.common.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last-resort error page, for requests it rejects before any servlet runs (an encoded slash or a broken
 * escape in the path, an oversized header): a problem document instead of Tomcat's HTML page. Errors that reach the
 * servlet are answered by {@link ApiExceptionHandler} or {@link FallbackErrorController}; then this valve is silent.
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
            // no filter ran for this request, so the correlation id is settled here
            String correlationId = CorrelationId.acceptOrCreate(request.getHeader(CorrelationId.HEADER));
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
        ErrorCode code = FallbackErrorController.codeFor(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", FallbackErrorController.detailFor(code));
        problem.put("code", code.name());
        problem.put(CorrelationId.PROBLEM_PROPERTY, correlationId);
        return problem;
    }
}
