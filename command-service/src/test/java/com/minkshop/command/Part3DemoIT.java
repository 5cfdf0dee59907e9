package com.minkshop.command;

import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The tutorial's Part 3 demo (domain-spec §2.7), over HTTP against PostgreSQL, with the corrected payment of
 * 70.77 (the tutorial's 70.76 is a truncation slip and is rejected).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Part3DemoIT {

    private static final String API = "com.minkshop.api.";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private ShopClient shop;
    private StoredEvents events;

    @BeforeEach
    void forgetEarlierRuns() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
        // the demo's ids are fixed; removing only its three streams keeps the test re-runnable on a shared database
        events.delete("PROD-001", "CART-001", "ORDER-001");
    }

    @Test
    void runsTheTutorialDemoAndStoresItsEventsAsJson() {
        List<Long> versions = new ArrayList<>();

        Response product = shop.post("/api/products", """
                {"productId": "PROD-001", "sku": "WIDGET-001", "name": "Super Widget",
                 "description": "The best widget money can buy", "price": 29.99, "initialStock": 100}""");
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        assertThat(product.location()).contains("/api/products/PROD-001");
        assertThat(product.body().path("aggregateId").asText()).isEqualTo("PROD-001");
        versions.add(product.version());

        Response cart = shop.post("/api/carts", "{\"cartId\": \"CART-001\", \"customerId\": \"CUST-001\"}");
        assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
        assertThat(cart.location()).contains("/api/carts/CART-001");
        versions.add(cart.version());

        Response added = shop.post("/api/carts/CART-001/items", """
                {"productId": "PROD-001", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.data("itemCount").asInt()).isEqualTo(2);
        assertThat(added.amount("totalAmount")).isEqualTo(new BigDecimal("59.98"));
        versions.add(added.version());

        Response checkout = shop.post("/api/carts/CART-001/checkout", "{\"orderId\": \"ORDER-001\"}");
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(200);
        assertThat(checkout.data("orderId").asText()).isEqualTo("ORDER-001");
        versions.add(checkout.version());

        Response order = shop.post("/api/orders", """
                {"orderId": "ORDER-001", "customerId": "CUST-001", "cartId": "CART-001",
                 "items": [{"productId": "PROD-001", "productName": "Super Widget", "quantity": 2,
                            "unitPrice": 29.99}],
                 "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York",
                                     "state": "NY", "postalCode": "10001", "country": "USA"},
                 "shippingCost": 5.99, "taxRate": 0.08}""");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.location()).contains("/api/orders/ORDER-001");
        assertThat(order.data("status").asText()).isEqualTo("pending");
        assertThat(order.amount("subtotal")).isEqualTo(new BigDecimal("59.98"));
        assertThat(order.amount("tax")).isEqualTo(new BigDecimal("4.80"));
        assertThat(order.amount("shippingCost")).isEqualTo(new BigDecimal("5.99"));
        assertThat(order.amount("totalAmount")).isEqualTo(new BigDecimal("70.77"));
        versions.add(order.version());

        Response shortPayment = shop.post("/api/orders/ORDER-001/payment", """
                {"paymentId": "PAY-001", "amount": 70.76, "paymentMethod": "credit_card"}""");
        assertThat(shortPayment.status()).as(shortPayment.toString()).isEqualTo(409);
        assertThat(shortPayment.code()).isEqualTo("INVALID_PAYMENT_AMOUNT");
        assertThat(shortPayment.contentType()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(events.of("ORDER-001")).hasSize(1);

        Response payment = shop.post("/api/orders/ORDER-001/payment", """
                {"paymentId": "PAY-001", "amount": 70.77, "paymentMethod": "credit_card"}""");
        assertThat(payment.status()).as(payment.toString()).isEqualTo(200);
        assertThat(payment.data("status").asText()).isEqualTo("confirmed");
        versions.add(payment.version());

        Response shipment = shop.post("/api/orders/ORDER-001/shipment",
                                      "{\"trackingNumber\": \"1Z999AA10123456784\", \"carrier\": \"UPS\"}");
        assertThat(shipment.status()).as(shipment.toString()).isEqualTo(200);
        assertThat(shipment.data("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
        assertThat(shipment.data("carrier").asText()).isEqualTo("UPS");
        versions.add(shipment.version());

        assertThat(versions).containsExactly(1L, 1L, 2L, 3L, 1L, 3L, 4L);
        assertEventsAreReadableJson();
    }

    private void assertEventsAreReadableJson() {
        // the saga moves the product's stock with the order, asynchronously
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(events.of("PROD-001"))
                        .extracting(StoredEvent::simpleType, event -> event.payload().path("quantity").asInt())
                        .containsExactly(tuple("ProductCreatedEvent", 0), tuple("StockReservedEvent", 2),
                                         tuple("StockShippedEvent", 2)));
        List<StoredEvent> stored = events.of("PROD-001", "CART-001", "ORDER-001").stream()
                                         .filter(event -> !event.aggregateId().equals("PROD-001")
                                                          || event.sequenceNumber() == 0)
                                         .toList();

        assertThat(stored).extracting(StoredEvent::aggregateId, StoredEvent::sequenceNumber,
                                      StoredEvent::payloadType)
                          .containsExactly(tuple("PROD-001", 0L, API + "product.ProductCreatedEvent"),
                                           tuple("CART-001", 0L, API + "cart.CartCreatedEvent"),
                                           tuple("CART-001", 1L, API + "cart.ItemAddedToCartEvent"),
                                           tuple("CART-001", 2L, API + "cart.CartCheckedOutEvent"),
                                           tuple("ORDER-001", 0L, API + "order.OrderPlacedEvent"),
                                           tuple("ORDER-001", 1L, API + "order.PaymentReceivedEvent"),
                                           tuple("ORDER-001", 2L, API + "order.OrderConfirmedEvent"),
                                           tuple("ORDER-001", 3L, API + "order.OrderShippedEvent"));

        StoredEvent placed = stored.get(4);
        assertThat(placed.payload().path("totalAmount").decimalValue()).isEqualTo(new BigDecimal("70.77"));
        assertThat(placed.payload().path("tax").decimalValue()).isEqualTo(new BigDecimal("4.80"));
        assertThat(placed.payload().at("/shippingAddress/city").asText()).isEqualTo("New York");
        assertThat(placed.payload().at("/items/0/subtotal").decimalValue()).isEqualTo(new BigDecimal("59.98"));
        assertThat(Instant.parse(placed.payload().path("placedAt").asText())).isBefore(Instant.now());
        assertThat(stored.get(1).payload().path("customerId").asText()).isEqualTo("CUST-001");
        assertThat(stored.get(5).payload().path("amount").decimalValue()).isEqualTo(new BigDecimal("70.77"));
        assertThat(stored.get(7).payload().path("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
        assertThat(stored).allSatisfy(event -> assertThat(ShopClient.parse(event.metaData()).isObject()).isTrue());

        assertThat(jdbc.queryForList("""
                SELECT column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'eventstore' AND table_name = 'domain_event_entry'
                  AND column_name IN ('payload', 'meta_data') ORDER BY column_name""", String.class))
                .containsExactly("meta_data:bytea", "payload:bytea");
        assertThat(events.largeObjects()).isZero();
    }
}
