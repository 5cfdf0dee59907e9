package com.minkshop.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the command-service's session timeouts (minkshop.database.*, shortened here) make PostgreSQL do to its own
 * connections: a transaction that took an event's global_index and then stalls is ended by the server, so it can
 * never commit after the event readers stopped waiting for that gap (Axon #4829); a stuck statement is cancelled.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(properties = {"minkshop.sagas.auto-start=false",
                              "minkshop.database.idle-in-transaction-timeout=1s",
                              "minkshop.database.statement-timeout=1s"})
@DirtiesContext
class SessionTimeoutsIT {

    // below the 30 s idle-in-transaction limit the test cluster of ./shop sets for everyone
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theServerEndsATransactionThatStallsAfterAppendingAnEvent() throws SQLException {
        String aggregateId = "STALLED-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int pid = backendPid(connection);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO eventstore.domain_event_entry (aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_type, time_stamp)
                    VALUES (?, 0, 'Cart', ?, ?, ?, 'com.minkshop.api.cart.CartCreatedEvent', ?)""")) {
                insert.setString(1, aggregateId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setString(5, Instant.now().toString());
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }

            // the stall: this client sends nothing more until the server has ended its session
            await().atMost(LIMIT).until(() -> !sessionExists(pid));

            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry "
                                       + "WHERE aggregate_identifier = ?", Long.class, aggregateId)).isZero();
    }

    @Test
    void theServerCancelsAStatementThatRunsTooLong() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(10)"))
                    .isInstanceOfSatisfying(SQLException.class,
                                            e -> assertThat(e.getSQLState()).isEqualTo("57014"));
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private boolean sessionExists(int pid) {
        // a fresh autocommit query on another pooled connection, never on the stalled one
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ?)",
                                                       Boolean.class, pid));
    }
}
