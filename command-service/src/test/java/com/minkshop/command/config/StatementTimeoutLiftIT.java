package com.minkshop.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The saga's first token is found by a query that may scan the whole event table; it runs without the statement
 * timeout, in its own transaction only. Here the limit is lowered to 100 ms for the test's transaction instead of
 * waiting out the service's 10 s.
 */
// the same configuration as the other API tests, so Spring reuses their application context
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementTimeoutLiftIT {

    private static final String SLOW_QUERY = "SELECT pg_sleep(0.5)::text";

    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aQueryRunWithoutTheStatementTimeoutMayTakeLonger() {
        String result = inTransactionLimitedTo100ms(() -> SagaConfig.withoutStatementTimeout(
                transactions, jdbc, () -> jdbc.queryForObject(SLOW_QUERY, String.class)));

        assertThat(result).isEmpty();
    }

    @Test
    void theSameQueryUnderTheLimitIsCancelled() {
        assertThatThrownBy(() -> inTransactionLimitedTo100ms(() -> jdbc.queryForObject(SLOW_QUERY, String.class)))
                .isInstanceOf(QueryTimeoutException.class);
    }

    private <T> T inTransactionLimitedTo100ms(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL statement_timeout = '100ms'");
            return work.get();
        });
    }
}
