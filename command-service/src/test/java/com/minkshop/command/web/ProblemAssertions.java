package com.minkshop.command.web;

import com.minkshop.api.common.CorrelationId;
import com.minkshop.api.common.ErrorCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the parts every problem response of this API shares. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(MvcTestResult result, ErrorCode code) {
        assertProblem(result, code.httpStatus(), code);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(code.title());
    }

    public static void assertProblem(MvcTestResult result, int status, ErrorCode code) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code.name());
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        // every problem names the request's correlation id, the same one the response header carries
        String correlationId = result.getResponse().getHeader(CorrelationId.HEADER);
        assertThat(correlationId).isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.correlationId").isEqualTo(correlationId);
    }
}
