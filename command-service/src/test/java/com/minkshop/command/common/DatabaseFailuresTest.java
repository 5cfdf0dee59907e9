package com.minkshop.command.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @ParameterizedTest
    // connection refused/lost, too many connections, disk full, admin shutdown, cannot connect now (recovery),
    // statement_timeout, idle_in_transaction_session_timeout
    @ValueSource(strings = {"08001", "08006", "53300", "53100", "57P01", "57P03", "57014", "25P03"})
    void countsTheServersCannotServeNowStatesAsUnavailable(String state) {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("failed", state))).isTrue();
    }

    @ParameterizedTest
    // unique violation (a concurrency conflict), serialization failure, syntax error, insufficient privilege
    @ValueSource(strings = {"23505", "40001", "42601", "42501"})
    void leavesOtherDatabaseErrorsAlone(String state) {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("failed", state))).isFalse();
    }

    @Test
    void findsTheStateBehindWrappers() {
        RuntimeException wrapped = new IllegalStateException("could not open a transaction",
                                                             new RuntimeException(new SQLException("lost", "08006")));

        assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
    }

    @Test
    void countsAPoolWithoutConnectionsAsUnavailableWhateverItsState() {
        assertThat(DatabaseFailures.isUnavailable(
                new SQLTransientConnectionException("Connection is not available, request timed out"))).isTrue();
    }

    @Test
    void countsAConnectionThePoolAlreadyEvictedAsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void saysNoForFailuresWithoutADatabaseCause() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("no state"))).isFalse();
    }
}
