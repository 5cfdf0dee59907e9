package com.minkshop.command;

import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order fulfilment saga against PostgreSQL: stock is reserved when an order is placed, shipped with it, and
 * an order whose stock cannot be reserved, or that stays unpaid past its stored payment deadline, is cancelled by
 * the system with nothing left reserved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderFulfilmentIT {

    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private org.axonframework.config.Configuration axon;

    private ShopClient shop;
    private StoredEvents events;

    @BeforeEach
    void setUp() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void reservesStockOnPlacementAndShipsItWithTheOrder() {
        String productId = product(100);
        String orderId = placeOrder(line(productId, 2));

        await().atMost(SAGA_TIMEOUT).untilAsserted(
                () -> assertThat(stock(productId)).isEqualTo(new Stock(98, 2)));
        assertThat(reservations(productId)).extracting(event -> event.payload().path("orderId").asText())
                                           .containsExactly(orderId);

        ok(shop.post("/api/orders/" + orderId + "/payment", """
                {"paymentId": "PAY-1", "amount": 59.98, "paymentMethod": "credit_card"}"""));
        ok(shop.post("/api/orders/" + orderId + "/shipment", """
                {"trackingNumber": "1Z999", "carrier": "UPS"}"""));

        await().atMost(SAGA_TIMEOUT).untilAsserted(
                () -> assertThat(types(productId)).containsExactly("ProductCreatedEvent", "StockReservedEvent",
                                                                   "StockShippedEvent"));
        assertThat(stock(productId)).isEqualTo(new Stock(98, 0));
        assertThat(events.of(productId).get(2).payload().path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void cancelsAnOrderForMoreThanTheStockAndReleasesWhatWasReserved() {
        String plenty = product(100);
        String scarce = product(1);
        String orderId = placeOrder(line(plenty, 2), line(scarce, 5));

        StoredEvent cancelled = awaitCancellation(orderId);

        assertThat(cancelled.payload().path("cancelledBy").asText()).isEqualTo("system");
        assertThat(cancelled.payload().path("reason").asText()).isEqualTo("insufficient stock for " + scarce);
        assertThat(types(plenty)).containsExactly("ProductCreatedEvent", "StockReservedEvent", "StockReleasedEvent");
        assertThat(stock(plenty)).isEqualTo(new Stock(100, 0));
        assertThat(types(scarce)).containsExactly("ProductCreatedEvent");
        assertThat(stock(scarce)).isEqualTo(new Stock(1, 0));
    }

    @Test
    void cancelsAnOrderForAProductThatDoesNotExist() {
        String missing = "MISSING-" + UUID.randomUUID();
        String orderId = placeOrder(line(missing, 1));

        StoredEvent cancelled = awaitCancellation(orderId);

        assertThat(cancelled.payload().path("reason").asText()).isEqualTo("product " + missing + " not found");
        assertThat(events.of(missing)).isEmpty();
    }

    @Test
    void releasesTheStockOfAnOrderTheCustomerCancels() {
        String productId = product(10);
        String orderId = placeOrder(line(productId, 4));
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(stock(productId)).isEqualTo(new Stock(6, 4)));

        ok(shop.post("/api/orders/" + orderId + "/cancellation",
                     "{\"reason\": \"changed my mind\", \"cancelledBy\": \"customer\"}"));

        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(stock(productId)).isEqualTo(new Stock(10, 0)));
        assertThat(events.of(productId).get(2).payload().path("reason").asText()).isEqualTo("order cancelled");
    }

    @Test
    void ordersRacingForTheLastUnitsNeverOversell() throws Exception {
        String plenty = product(100);
        String scarce = product(5);
        int orders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        List<String> orderIds = new ArrayList<>();
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                placed.add(pool.submit(() -> {
                    start.await();
                    return placeOrder(line(plenty, 1), line(scarce, 2));
                }));
            }
            start.countDown();
            for (Future<String> order : placed) {
                orderIds.add(order.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // every order settles: both its lines reserved, or cancelled
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(
                orderIds.stream().filter(id -> cancellation(id) != null || reservedLines(id) == 2).count())
                .isEqualTo(orders));
        List<String> losers = orderIds.stream().filter(id -> cancellation(id) != null).toList();
        assertThat(losers).hasSize(orders - 2);
        assertThat(losers).allSatisfy(id -> {
            assertThat(cancellation(id).payload().path("cancelledBy").asText()).isEqualTo("system");
            assertThat(cancellation(id).payload().path("reason").asText())
                    .isEqualTo("insufficient stock for " + scarce);
        });
        // the losers' unit of the other product went back
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(stock(plenty)).isEqualTo(new Stock(98, 2)));
        assertThat(stock(scarce)).isEqualTo(new Stock(1, 4));
    }

    @Test
    void schedulesPaymentDeadlinesWithTheDatabaseBackedDeadlineManager() {
        assertThat(axon.deadlineManager()).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    /**
     * The deadline is a row in {@code scheduled_tasks}, due after the configured 30 minutes. The test moves that
     * row's due time to now instead of waiting (or starting a second context with a short timeout, whose saga
     * processor would compete with this one's), so what fires is exactly what the database holds.
     */
    @Test
    void cancelsAnOrderStillUnpaidWhenItsStoredPaymentDeadlineFires() {
        String productId = product(10);
        Instant placedAt = Instant.now();
        String orderId = "ORDER-" + UUID.randomUUID();
        String correlationId = "deadline-" + UUID.randomUUID();
        Response placed = shop.send("POST", "/api/orders", orderJson(orderId, line(productId, 3)),
                                    "X-Correlation-Id", correlationId);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(stock(productId)).isEqualTo(new Stock(7, 3)));

        String deadlineId = await().atMost(SAGA_TIMEOUT).until(() -> paymentDeadlineId(orderId), id -> id != null);
        Instant due = jdbc.queryForObject("SELECT execution_time FROM eventstore.scheduled_tasks "
                                          + "WHERE task_instance = ?", Instant.class, deadlineId);
        assertThat(due).isBetween(placedAt.plus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofMinutes(30)));

        assertThat(jdbc.update("UPDATE eventstore.scheduled_tasks SET execution_time = now() "
                               + "WHERE task_instance = ?", deadlineId)).isEqualTo(1);

        StoredEvent cancelled = awaitCancellation(orderId);
        assertThat(cancelled.payload().path("reason").asText()).isEqualTo("payment timeout");
        assertThat(cancelled.payload().path("cancelledBy").asText()).isEqualTo("system");
        // the deadline carried the placing request's correlation id to the cancellation it caused
        assertThat(ShopClient.parse(cancelled.metaData()).path("correlationId").asText()).isEqualTo(correlationId);
        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(stock(productId)).isEqualTo(new Stock(10, 0)));
        assertThat(deadlineRows(deadlineId)).isZero();
    }

    @Test
    void paymentRemovesThePaymentDeadline() {
        String productId = product(10);
        String orderId = placeOrder(line(productId, 1));
        String deadlineId = await().atMost(SAGA_TIMEOUT).until(() -> paymentDeadlineId(orderId), id -> id != null);
        assertThat(deadlineRows(deadlineId)).isEqualTo(1);

        ok(shop.post("/api/orders/" + orderId + "/payment", """
                {"paymentId": "PAY-1", "amount": 29.99, "paymentMethod": "credit_card"}"""));

        await().atMost(SAGA_TIMEOUT).untilAsserted(() -> assertThat(deadlineRows(deadlineId)).isZero());
        assertThat(cancellation(orderId)).isNull();
    }

    private long deadlineRows(String deadlineId) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.scheduled_tasks WHERE task_instance = ?",
                                   Long.class, deadlineId);
    }

    /** From the saga's state as the saga store holds it (JSON); null until the saga has scheduled its deadline. */
    private String paymentDeadlineId(String orderId) {
        List<String> sagas = jdbc.queryForList("""
                SELECT convert_from(s.serialized_saga, 'UTF8') FROM eventstore.saga_entry s
                JOIN eventstore.association_value_entry a ON a.saga_id = s.saga_id
                WHERE a.association_key = 'orderId' AND a.association_value = ?""", String.class, orderId);
        return sagas.isEmpty() ? null : ShopClient.parse(sagas.get(0)).path("paymentDeadlineId").asText(null);
    }

    private StoredEvent cancellation(String orderId) {
        return events.of(orderId).stream().filter(e -> e.simpleType().equals("OrderCancelledEvent"))
                     .findFirst().orElse(null);
    }

    private long reservedLines(String orderId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM eventstore.domain_event_entry
                WHERE payload_type LIKE '%.StockReservedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""", Long.class, orderId);
    }

    private StoredEvent awaitCancellation(String orderId) {
        return await().atMost(SAGA_TIMEOUT).until(
                () -> events.of(orderId).stream().filter(e -> e.simpleType().equals("OrderCancelledEvent"))
                            .findFirst().orElse(null),
                event -> event != null);
    }

    private String product(int stock) {
        String productId = "PROD-" + UUID.randomUUID();
        Response created = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 29.99, "initialStock": %d}"""
                .formatted(productId, stock));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return productId;
    }

    private static String line(String productId, int quantity) {
        return """
                {"productId": "%s", "productName": "Widget", "quantity": %d, "unitPrice": 29.99}"""
                .formatted(productId, quantity);
    }

    private String placeOrder(String... lines) {
        String orderId = "ORDER-" + UUID.randomUUID();
        Response placed = shop.post("/api/orders", orderJson(orderId, lines));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return orderId;
    }

    private static String orderJson(String orderId, String... lines) {
        return """
                {"orderId": "%s", "customerId": "CUST-1", "cartId": "CART-1", "items": [%s],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""".formatted(orderId, String.join(",", lines));
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private List<String> types(String aggregateId) {
        return events.of(aggregateId).stream().map(StoredEvent::simpleType).toList();
    }

    private List<StoredEvent> reservations(String productId) {
        return events.of(productId).stream().filter(e -> e.simpleType().equals("StockReservedEvent")).toList();
    }

    /** A product's stock as its stored events add up, the way the aggregate replays them. */
    private Stock stock(String productId) {
        int available = 0;
        int reserved = 0;
        for (StoredEvent event : events.of(productId)) {
            int quantity = event.payload().path("quantity").asInt();
            switch (event.simpleType()) {
                case "ProductCreatedEvent" -> available = event.payload().path("initialStock").asInt();
                case "StockAddedEvent" -> available += quantity;
                case "StockReservedEvent" -> {
                    available -= quantity;
                    reserved += quantity;
                }
                case "StockReleasedEvent" -> {
                    available += quantity;
                    reserved -= quantity;
                }
                case "StockShippedEvent" -> reserved -= quantity;
                default -> {
                }
            }
        }
        return new Stock(available, reserved);
    }

    private record Stock(int available, int reserved) {
    }
}
