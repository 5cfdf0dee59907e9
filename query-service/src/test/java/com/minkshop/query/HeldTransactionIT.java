package com.minkshop.query;

import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.common.EventJson;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A writer takes a global_index and holds its transaction open while later events commit and are projected; when it
 * finally commits (within the readers' gapTimeout, which the command-service's session timeouts guarantee), the
 * projection still picks its event up: the processors remembered the gap instead of skipping it.
 */
@IntegrationTest
class HeldTransactionIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @Test
    void anEventCommittedAfterLaterOnesIsStillProjected() throws SQLException {
        Http http = new Http("http://127.0.0.1:" + port);
        EventStoreWriter writer = new EventStoreWriter();
        String held = "CART-HELD-" + UUID.randomUUID();
        String later = "CART-LATER-" + UUID.randomUUID();

        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            long heldIndex = insertCartCreated(connection, held);

            writer.append("Cart", later, new CartCreatedEvent(later, "CUST-2", Instant.now()));
            // the processors have moved past the held index, which is not visible yet
            await().atMost(LIMIT).until(() -> http.get("/api/carts/" + later).status() == 200);
            assertThat(http.get("/api/carts/" + held).status()).isEqualTo(404);
            assertThat(maxGlobalIndex()).isGreaterThan(heldIndex);

            connection.commit();
        }

        await().atMost(LIMIT).until(() -> http.get("/api/carts/" + held).status() == 200);
        Http.Response cart = http.get("/api/carts/" + held);
        assertThat(cart.json().get("customerId").asText()).isEqualTo("CUST-1");
        assertThat(cart.json().get("version").asLong()).isEqualTo(1);
    }

    /** The command-service's insert, in a transaction the caller keeps open; returns the index it took. */
    private static long insertCartCreated(Connection connection, String cartId) throws SQLException {
        byte[] payload = EventJson.serializer()
                                  .serialize(new CartCreatedEvent(cartId, "CUST-1", Instant.now()), byte[].class)
                                  .getData();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO eventstore.domain_event_entry (aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_type, time_stamp)
                VALUES (?, 0, 'Cart', ?, ?, ?, ?, ?)
                RETURNING global_index""")) {
            insert.setString(1, cartId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload);
            insert.setString(5, CartCreatedEvent.class.getName());
            insert.setString(6, Instant.now().toString());
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    private static long maxGlobalIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT max(global_index) FROM eventstore.domain_event_entry");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
