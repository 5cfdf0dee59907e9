package com.minkshop.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A product driven past the snapshot threshold gets a snapshot in PostgreSQL, taken off the command thread, and the
 * commands after it see exactly the state and versions they would have seen by replaying every event.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"minkshop.snapshots.threshold=" + SnapshotIT.THRESHOLD,
                              "minkshop.sagas.auto-start=false"})
class SnapshotIT {

    static final int THRESHOLD = 10;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStore eventStore;

    private ShopClient shop;

    @BeforeEach
    void start() {
        shop = new ShopClient(port);
    }

    @Test
    void productPastTheThresholdIsSnapshottedAndLaterCommandsContinueFromIt() {
        String productId = "PROD-" + UUID.randomUUID();
        String orderA = "ORDER-B-" + UUID.randomUUID();
        String orderB = "ORDER-A-" + UUID.randomUUID();
        List<Long> versions = new ArrayList<>();
        versions.add(ok(shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-SNAP", "name": "Widget", "price": 9.99, "initialStock": 100}"""
                .formatted(productId))).version());
        versions.add(reserve(productId, orderA, 2).version());
        versions.add(reserve(productId, orderB, 3).version());
        versions.add(reserve(productId, orderA, 1).version());
        for (int order = 1; order <= THRESHOLD - 2; order++) {
            versions.add(reserve(productId, "ORDER-C" + order + "-" + UUID.randomUUID(), 1).version());
        }
        // 12 events: 100 - 3 - 3 - 8 = 86 available, orderA holds 3, orderB 3
        assertThat(versions).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());

        Map<String, Object> snapshot = await().atMost(Duration.ofSeconds(20))
                                              .pollInterval(Duration.ofMillis(50))
                                              .until(() -> snapshotOf(productId), row -> row != null);
        long snapshotSequence = (Long) snapshot.get("sequence_number");
        assertThat(snapshotSequence).isBetween(THRESHOLD - 1L, 11L);
        assertThat(snapshot.get("type")).isEqualTo("Product");
        assertThat(snapshot.get("payload_type")).isEqualTo("com.minkshop.command.product.Product");
        assertThat(snapshot.get("payload_revision")).isEqualTo("1");
        JsonNode state = ShopClient.parse((String) snapshot.get("payload"));
        assertThat(state.path("productId").asText()).isEqualTo(productId);
        assertThat(state.path("reservations").fieldNames().next()).isEqualTo(orderA);
        assertThat(state.path("reservations").path(orderA).asInt()).isEqualTo(3);

        // the repository now starts from the snapshot instead of the first event
        DomainEventMessage<?> firstLoaded = eventStore.readEvents(productId).peek();
        assertThat(firstLoaded.getPayloadType().getName()).isEqualTo("com.minkshop.command.product.Product");
        assertThat(firstLoaded.getSequenceNumber()).isEqualTo(snapshotSequence);

        // reservations made before the snapshot are still there, stock numbers and versions carry on
        Response released = ok(shop.post("/api/products/" + productId + "/reservations/" + orderA + "/release",
                                         "{\"reason\": \"order cancelled\"}"));
        assertThat(released.version()).isEqualTo(13);
        assertThat(ok(shop.post("/api/products/" + productId + "/reservations/" + orderB + "/shipment", ""))
                           .version()).isEqualTo(14);
        Response releasedAgain = shop.post("/api/products/" + productId + "/reservations/" + orderA + "/release",
                                           "{\"reason\": \"twice\"}");
        assertThat(releasedAgain.status()).as(releasedAgain.toString()).isEqualTo(409);
        assertThat(releasedAgain.code()).isEqualTo("RESERVATION_NOT_FOUND");
        Response tooMany = reserveRaw(productId, "ORDER-D-" + UUID.randomUUID(), 90);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMany.body().path("detail").asText()).endsWith("requested 90, available 89");
        String orderE = "ORDER-E-" + UUID.randomUUID();
        assertThat(reserve(productId, orderE, 89).version()).isEqualTo(15);

        List<StoredEvent> stream = new StoredEvents(jdbc).of(productId);
        assertThat(stream).extracting(StoredEvent::sequenceNumber)
                          .containsExactlyElementsOf(LongStream.range(0, 15).boxed().toList());
        StoredEvent release = stream.get(12);
        assertThat(release.simpleType()).isEqualTo("StockReleasedEvent");
        assertThat(release.payload().path("quantity").asInt()).isEqualTo(3);
        StoredEvent shipment = stream.get(13);
        assertThat(shipment.simpleType()).isEqualTo("StockShippedEvent");
        assertThat(shipment.payload().path("quantity").asInt()).isEqualTo(3);

        // a snapshot of another revision, which is what raising @Revision makes of all old ones, is ignored
        jdbc.update("UPDATE eventstore.snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?",
                    productId);
        assertThat(eventStore.readEvents(productId).peek().getSequenceNumber()).isZero();
        Response afterFullReplay = reserveRaw(productId, "ORDER-F-" + UUID.randomUUID(), 1);
        assertThat(afterFullReplay.code()).as(afterFullReplay.toString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(ok(shop.post("/api/products/" + productId + "/reservations/" + orderE + "/release", ""))
                           .version()).isEqualTo(16);
    }

    private Response reserve(String productId, String orderId, int quantity) {
        return ok(reserveRaw(productId, orderId, quantity));
    }

    private Response reserveRaw(String productId, String orderId, int quantity) {
        return shop.post("/api/products/" + productId + "/reservations",
                         "{\"orderId\": \"%s\", \"quantity\": %d}".formatted(orderId, quantity));
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    /** The product's newest snapshot row (Axon keeps only one), or null while none has been stored yet. */
    private Map<String, Object> snapshotOf(String productId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT sequence_number, type, payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload
                FROM eventstore.snapshot_event_entry
                WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC""", productId);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
