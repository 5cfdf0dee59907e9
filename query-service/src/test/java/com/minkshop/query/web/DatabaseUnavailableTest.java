package com.minkshop.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void answersAQueryThatCannotReachTheDatabaseWith503AndRetryAfter() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction", new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 3000ms")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody()).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(answer.getBody().getDetail()).doesNotContain("Hikari", "JPA");
    }

    @Test
    void keepsOtherDatabaseErrorsInternal() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(
                new IllegalStateException(new SQLException("column does not exist", "42703")));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }
}
