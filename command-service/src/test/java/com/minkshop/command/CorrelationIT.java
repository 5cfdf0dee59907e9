package com.minkshop.command;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request's correlation id travels from the HTTP header through the command into every event it causes,
 * including the events of the commands the saga sends, and onto the log lines about them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrelationIT {

    private static final String HEADER = "X-Correlation-Id";
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private ShopClient shop;
    private StoredEvents events;

    @BeforeEach
    void setUp() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void placingAnOrderTagsTheOrderAndTheSagasReservationWithTheCallersId() throws Exception {
        String productId = product(10);
        String correlationId = "req-" + UUID.randomUUID();
        String orderId = "ORDER-" + UUID.randomUUID();

        try (LogCapture commandLog = LogCapture.of(
                Class.forName("com.minkshop.command.interceptors.CommandLoggingInterceptor"))) {
            Response placed = placeOrder(orderId, productId, 3, correlationId);

            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            assertThat(placed.header(HEADER)).hasValue(correlationId);
            StoredEvent reservation = await().atMost(SAGA_TIMEOUT).until(
                    () -> eventOf(productId, "StockReservedEvent"), event -> event != null);
            StoredEvent orderPlaced = eventOf(orderId, "OrderPlacedEvent");

            JsonNode placedMetaData = ShopClient.parse(orderPlaced.metaData());
            JsonNode reservedMetaData = ShopClient.parse(reservation.metaData());
            assertThat(placedMetaData.path("correlationId").asText()).isEqualTo(correlationId);
            assertThat(reservedMetaData.path("correlationId").asText()).isEqualTo(correlationId);
            // Axon's origin ids under their own keys: the reservation was caused by the saga's command, and the
            // chain started with the PlaceOrder command, which caused OrderPlaced
            assertThat(reservedMetaData.path("traceId").asText()).isEqualTo(placedMetaData.path("traceId").asText())
                                                                  .isEqualTo(placedMetaData.path("causationId")
                                                                                           .asText());
            assertThat(reservedMetaData.path("causationId").asText()).isNotBlank()
                                                                     .isNotEqualTo(placedMetaData.path("traceId")
                                                                                                 .asText());

            // the saga's ReserveStock ran on the event processor's thread, yet its log lines carry the id
            await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(
                    linesWith(commandLog, correlationId))
                    .anyMatch(line -> line.startsWith("[CMD] ReserveStock succeeded"))
                    .anyMatch(line -> line.startsWith("[CMD] PlaceOrder succeeded")));
        }
    }

    @Test
    void theSystemsCancellationCarriesTheIdOfTheRequestThatPlacedTheOrder() {
        String plenty = product(10);
        String correlationId = "req-" + UUID.randomUUID();
        String orderId = "ORDER-" + UUID.randomUUID();

        Response placed = shop.send("POST", "/api/orders", orderJson(orderId, List.of(line(plenty, 2),
                                                                                      line("MISSING-" + orderId, 1))),
                                    HEADER, correlationId);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

        StoredEvent cancelled = await().atMost(SAGA_TIMEOUT).until(
                () -> eventOf(orderId, "OrderCancelledEvent"), event -> event != null);
        StoredEvent released = await().atMost(SAGA_TIMEOUT).until(
                () -> eventOf(plenty, "StockReleasedEvent"), event -> event != null);
        assertThat(ShopClient.parse(cancelled.metaData()).path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(ShopClient.parse(released.metaData()).path("correlationId").asText()).isEqualTo(correlationId);
    }

    @Test
    void anInvalidOrMissingIdIsReplacedByANewUuid() {
        for (String invalid : new String[] {"two words", "x".repeat(65), null}) {
            String productId = "PROD-" + UUID.randomUUID();
            Response created = invalid == null
                    ? shop.post("/api/products", productJson(productId, 1))
                    : shop.send("POST", "/api/products", productJson(productId, 1), HEADER, invalid);

            String assigned = created.header(HEADER).orElseThrow();
            assertThat(UUID.fromString(assigned).toString()).isEqualTo(assigned);
            assertThat(ShopClient.parse(events.of(productId).get(0).metaData()).path("correlationId").asText())
                    .isEqualTo(assigned);
        }
    }

    @Test
    void problemsNameTheCorrelationId() {
        Response missing = shop.send("POST", "/api/orders/ORDER-" + UUID.randomUUID() + "/delivery", "{}",
                                     HEADER, "trace-me");
        Response notJson = shop.send("POST", "/api/products", "{", HEADER, "trace-me-too");

        assertThat(missing.code()).as(missing.toString()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(missing.body().path("correlationId").asText()).isEqualTo("trace-me");
        assertThat(missing.header(HEADER)).hasValue("trace-me");
        assertThat(notJson.code()).as(notJson.toString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(notJson.body().path("correlationId").asText()).isEqualTo("trace-me-too");
    }

    private static List<String> linesWith(LogCapture log, String correlationId) {
        return log.events().stream()
                  .filter(event -> correlationId.equals(event.getMDCPropertyMap().get("correlationId")))
                  .map(ILoggingEvent::getFormattedMessage)
                  .toList();
    }

    private StoredEvent eventOf(String aggregateId, String type) {
        return events.of(aggregateId).stream().filter(e -> e.simpleType().equals(type)).findFirst().orElse(null);
    }

    private String product(int stock) {
        String productId = "PROD-" + UUID.randomUUID();
        Response created = shop.post("/api/products", productJson(productId, stock));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return productId;
    }

    private Response placeOrder(String orderId, String productId, int quantity, String correlationId) {
        return shop.send("POST", "/api/orders", orderJson(orderId, List.of(line(productId, quantity))),
                         HEADER, correlationId);
    }

    private static String productJson(String productId, int stock) {
        return """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": %d}"""
                .formatted(productId, stock);
    }

    private static String line(String productId, int quantity) {
        return """
                {"productId": "%s", "productName": "Widget", "quantity": %d, "unitPrice": 9.99}"""
                .formatted(productId, quantity);
    }

    private static String orderJson(String orderId, List<String> lines) {
        return """
                {"orderId": "%s", "customerId": "CUST-1", "cartId": "CART-1", "items": [%s],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""".formatted(orderId, String.join(",", lines));
    }
}
