package com.minkshop.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.Http.Response;
import com.minkshop.query.support.ServiceProcess;
import com.minkshop.query.support.SseClient;
import com.minkshop.query.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services against one database: the command-service jar runs as a child process, the query-service in this
 * JVM. The tutorial's Part 3 demo goes through the command API; every query endpoint must then show its effect,
 * waited for with {@code minVersion} or the dashboard's SSE stream, never with sleeps.
 */
// the demo runs first, on an empty shop, so the dashboard totals are exact
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static Process commandService;
    private static ConfigurableApplicationContext queryService;
    private static Http commands;
    private static Http queries;

    @BeforeAll
    static void startBothServices() throws Exception {
        String jar = System.getProperty("commandServiceJar", "").trim();
        assertThat(new File(jar)).as("command-service jar (build it first: ./mvnw package)").isFile();
        TestDatabase.dropSchemas();

        int commandPort = ServiceProcess.freePort();
        Path log = Path.of("target", "command-service-e2e.log");
        commandService = ServiceProcess.start(log, "-jar", jar, "--server.port=" + commandPort);
        // also when the test JVM is stopped abruptly
        Runtime.getRuntime().addShutdownHook(new Thread(EndToEndIT::stopCommandService));
        commands = new Http("http://127.0.0.1:" + commandPort);
        await().atMost(120, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> {
            assertThat(commandService.isAlive()).as("command-service exited, see " + log.toAbsolutePath()).isTrue();
            return isUp(commands);
        });

        queryService = new SpringApplicationBuilder(QueryServiceApplication.class).run("--server.port=0");
        int queryPort = ((WebServerApplicationContext) queryService).getWebServer().getPort();
        queries = new Http("http://127.0.0.1:" + queryPort);
    }

    @AfterAll
    static void stopBothServices() {
        if (queryService != null) {
            queryService.close();
        }
        stopCommandService();
    }

    @Test
    @Order(1)
    void part3DemoIsVisibleThroughEveryQueryEndpoint() throws Exception {
        try (SseClient dashboardStream = new SseClient(queries.client(), queries.uri("/api/dashboard/stream"))) {
            dashboardStream.next(event -> event.data().get("type").asText().equals("snapshot"), 30_000);

            long productVersion = command("/api/products", """
                    {"productId":"PROD-001","sku":"WIDGET-001","name":"Super Widget",
                     "description":"The best widget money can buy","price":29.99,"initialStock":100}""", 201);
            long cartCreated = command("/api/carts", """
                    {"cartId":"CART-001","customerId":"CUST-001"}""", 201);
            long itemAdded = command("/api/carts/CART-001/items", """
                    {"productId":"PROD-001","productName":"Super Widget","quantity":2,"unitPrice":29.99}""", 200);
            long checkedOut = command("/api/carts/CART-001/checkout", """
                    {"orderId":"ORDER-001"}""", 200);
            long placed = command("/api/orders", """
                    {"orderId":"ORDER-001","customerId":"CUST-001","cartId":"CART-001",
                     "items":[{"productId":"PROD-001","productName":"Super Widget","quantity":2,"unitPrice":29.99}],
                     "shippingAddress":{"name":"John Doe","street":"123 Main St","city":"New York","state":"NY",
                                        "postalCode":"10001","country":"USA"},
                     "shippingCost":5.99,"taxRate":0.08}""", 201);
            long paid = command("/api/orders/ORDER-001/payment", """
                    {"paymentId":"PAY-001","amount":70.77,"paymentMethod":"credit_card"}""", 200);
            long shipped = command("/api/orders/ORDER-001/shipment", """
                    {"trackingNumber":"1Z999AA10123456784","carrier":"UPS"}""", 200);
            assertThat(List.of(productVersion, cartCreated, itemAdded, checkedOut, placed, paid, shipped))
                    .containsExactly(1L, 1L, 2L, 3L, 1L, 3L, 4L);

            // the command-service's order fulfilment saga reserved the 2 units when the order was placed and
            // shipped them with it: StockReserved and StockShipped make the product's version 3
            long productFulfilled = productVersion + 2;
            JsonNode product = view("/api/products/PROD-001?minVersion=" + productFulfilled);
            assertThat(product.get("sku").asText()).isEqualTo("WIDGET-001");
            assertThat(product.get("name").asText()).isEqualTo("Super Widget");
            assertThat(product.get("price").toString()).isEqualTo("29.99");
            assertThat(product.get("availableStock").asInt()).isEqualTo(98);
            assertThat(product.get("reservedStock").asInt()).isZero();
            assertThat(product.get("available").asBoolean()).isTrue();
            assertThat(product.get("version").asLong()).isEqualTo(3);

            JsonNode cart = view("/api/carts/CART-001?minVersion=" + checkedOut);
            assertThat(cart.get("status").asText()).isEqualTo("checked_out");
            assertThat(cart.get("orderId").asText()).isEqualTo("ORDER-001");
            assertThat(cart.get("itemCount").asInt()).isEqualTo(2);
            assertThat(cart.get("totalAmount").toString()).isEqualTo("59.98");
            assertThat(cart.get("items").get(0).get("subtotal").toString()).isEqualTo("59.98");
            assertThat(cart.get("version").asLong()).isEqualTo(3);

            Response orderResponse = queries.get("/api/orders/ORDER-001?minVersion=" + shipped);
            assertThat(orderResponse.body()).contains("\"tax\":4.80", "\"totalAmount\":70.77");
            JsonNode order = view("/api/orders/ORDER-001?minVersion=" + shipped);
            assertThat(order.get("status").asText()).isEqualTo("shipped");
            assertThat(order.get("customerId").asText()).isEqualTo("CUST-001");
            assertThat(order.get("cartId").asText()).isEqualTo("CART-001");
            assertThat(order.get("itemCount").asInt()).isEqualTo(2);
            assertThat(order.get("subtotal").toString()).isEqualTo("59.98");
            assertThat(order.get("shippingCost").toString()).isEqualTo("5.99");
            assertThat(order.get("tax").toString()).isEqualTo("4.80");
            assertThat(order.get("totalAmount").toString()).isEqualTo("70.77");
            assertThat(order.get("shippingAddress").get("city").asText()).isEqualTo("New York");
            assertThat(order.get("paymentId").asText()).isEqualTo("PAY-001");
            assertThat(order.get("paymentMethod").asText()).isEqualTo("credit_card");
            assertThat(order.get("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
            assertThat(order.get("carrier").asText()).isEqualTo("UPS");
            for (String timestamp : List.of("placedAt", "paidAt", "confirmedAt", "shippedAt", "updatedAt")) {
                assertThat(order.get(timestamp).asText()).as(timestamp).endsWith("Z");
            }
            assertThat(order.get("deliveredAt").isNull()).isTrue();
            assertThat(order.get("version").asLong()).isEqualTo(4);

            assertThat(itemIds("/api/products?search=super%20WIDGET&available=true", "productId"))
                    .containsExactly("PROD-001");
            assertThat(itemIds("/api/products?sku=WIDGET-", "productId")).containsExactly("PROD-001");
            assertThat(itemIds("/api/orders?customerId=CUST-001&status=shipped&minTotal=70.77", "orderId"))
                    .containsExactly("ORDER-001");
            assertThat(itemIds("/api/customers/CUST-001/orders", "orderId")).containsExactly("ORDER-001");

            SseClient.Event shippedUpdate = dashboardStream.next(
                    event -> event.data().get("type").asText().equals("order_shipped"), 10_000);
            assertThat(shippedUpdate.name()).isEqualTo("dashboard");
            assertThat(shippedUpdate.data().get("message").asText()).isEqualTo("Order #ORDER-001 shipped via UPS");
            assertThat(shippedUpdate.data().get("stats").get("totalRevenue").toString()).isEqualTo("70.77");

            JsonNode dashboard = view("/api/dashboard");
            assertThat(dashboard.get("totalOrders").asLong()).isEqualTo(1);
            assertThat(dashboard.get("ordersByStatus").get("shipped").asLong()).isEqualTo(1);
            assertThat(dashboard.get("ordersByStatus").get("pending").asLong()).isZero();
            assertThat(dashboard.get("totalRevenue").toString()).isEqualTo("70.77");
            assertThat(dashboard.get("totalProducts").asLong()).isEqualTo(1);
            assertThat(dashboard.get("lowStockProducts").asLong()).isZero();
            assertThat(dashboard.get("recentActivity").findValuesAsText("description")).containsExactly(
                    "Order #ORDER-001 shipped via UPS",
                    "Payment received for order #ORDER-001: $70.77",
                    "New order #ORDER-001 for $70.77",
                    "New product: Super Widget ($29.99)");
        }
    }

    @Test
    @Order(2)
    void commandEffectsReachTheQuerySideWithinAboutOnePollInterval() {
        command("/api/products", """
                {"productId":"LAG-001","sku":"LAG-001","name":"Lag probe","description":"","price":1.00,
                 "initialStock":0}""", 201);
        List<Long> lagsMillis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long version = command("/api/products/LAG-001/stock", """
                    {"quantity":1,"reference":"PO-%d"}""".formatted(i), 200);
            long committed = System.nanoTime();
            JsonNode view = view("/api/products/LAG-001?minVersion=" + version);
            lagsMillis.add((System.nanoTime() - committed) / 1_000_000);
            assertThat(view.get("availableStock").asInt()).isEqualTo(i + 1);
        }
        List<Long> measured = new ArrayList<>(lagsMillis.subList(5, lagsMillis.size()));
        Collections.sort(measured);
        long p50 = measured.get(measured.size() / 2);
        long p95 = measured.get((int) Math.ceil(measured.size() * 0.95) - 1);
        long max = measured.get(measured.size() - 1);
        System.out.printf("[LAG] end-to-end command response -> query view over %d commands: "
                                  + "p50 %d ms, p95 %d ms, max %d ms%n", measured.size(), p50, p95, max);
        assertThat(p50).isLessThanOrEqualTo(150);
    }

    private static long command(String path, String json, int expectedStatus) {
        Response response = commands.post(path, json);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(expectedStatus);
        return response.json().get("version").asLong();
    }

    private static JsonNode view(String path) {
        Response response = queries.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private static List<String> itemIds(String path, String idField) {
        return view(path).get("items").findValuesAsText(idField);
    }

    private static boolean isUp(Http http) {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void stopCommandService() {
        Process process = commandService;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
