package com.minkshop.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Which answers a key keeps: every 4xx that is the request's own outcome, never a 5xx. */
class IdempotentRequestTest {

    private final IdempotencyStore store = mock(IdempotencyStore.class);
    private final IdempotencyKey key = new IdempotencyKey("key-1");
    private final IdempotentRequest request = new IdempotentRequest(key, "f".repeat(64), store, new ObjectMapper());

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"VALIDATION_FAILED", "MALFORMED_REQUEST", "NOT_FOUND",
            "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "PRODUCT_NOT_FOUND", "INSUFFICIENT_STOCK",
            "ORDER_CANCELLED", "INVALID_PAYMENT_AMOUNT"})
    void storesA4xxAnswerLikeASuccess(ErrorCode code) {
        request.rejected(problem(code), new MockHttpServletRequest("POST", "/api/orders/O-1/payment"));

        verify(store).save(eq(key), any(StoredResponse.class));
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"INTERNAL_ERROR", "PROJECTION_LAGGING", "CONCURRENT_MODIFICATION",
            "IDEMPOTENCY_KEY_IN_PROGRESS", "IDEMPOTENCY_KEY_REUSED", "INVALID_IDEMPOTENCY_KEY"})
    void keepsNoAnswerTheClientShouldRetryOrThatBelongsToTheKey(ErrorCode code) {
        request.rejected(problem(code), new MockHttpServletRequest("POST", "/api/orders/O-1/payment"));

        verify(store, never()).save(any(), any());
    }

    private static ProblemDetail problem(ErrorCode code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), "detail");
        problem.setProperty("code", code.name());
        return problem;
    }
}
