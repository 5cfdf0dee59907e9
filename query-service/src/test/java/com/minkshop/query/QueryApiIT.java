package com.minkshop.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.Http.Response;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.SseClient;
import com.minkshop.query.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The REST API over the real pipeline: events appended to the event store tables as the command-service would, read
 * back through polling, tracking processors and the views.
 */
@IntegrationTest
// MockMvc beside the real port: it shows whether a read went through Spring's async dispatch
@AutoConfigureMockMvc
// long enough for a busy CI machine to project the waits that must succeed; the lagging cases pay it in full
@TestPropertySource(properties = {"minkshop.query.read-your-writes.timeout=2500ms",
        "minkshop.query.dead-letters.retry-interval=PT1H"})
class QueryApiIT {

    private static final Instant T0 = Instant.parse("2026-04-01T10:00:00Z");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");

    @LocalServerPort
    private int port;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private MockMvc mvc;

    private final EventStoreWriter events = new EventStoreWriter();
    private Http http;
    private String run;

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void catalogFiltersPagesAndListsNewestFirst() {
        String a = product("A", "Super Widget", "WIDGET-001", 100, 1);
        String b = product("B", "Mega widget", "WIDGET-002", 5, 2);
        String c = product("C", "Gadget", "GADG-1", 0, 3);
        String d = product("D", "Old WIDGET", "WIDGET-OLD", 3, 4);
        long version = events.append("Product", d, new ProductDiscontinuedEvent(d, "end of line", T0.plusSeconds(5)));
        assertThat(http.get("/api/products/" + d + "?minVersion=" + version).status()).isEqualTo(200);
        String sku = "&sku=" + run;

        assertThat(ids("/api/products?size=100" + sku)).containsExactly(d, c, b, a);
        assertThat(ids("/api/products?available=true" + sku)).containsExactly(b, a);
        assertThat(ids("/api/products?available=false" + sku)).containsExactly(d, c);
        assertThat(ids("/api/products?search=wIdGeT" + sku)).containsExactly(d, b, a);
        assertThat(ids("/api/products?sku=" + run + "-WIDGET-00")).containsExactly(b, a);
        assertThat(ids("/api/products?sku=" + run + "-WIDGET_00")).isEmpty();
        assertThat(ids("/api/products?lowStockBelow=10" + sku)).containsExactly(c, b);

        JsonNode page = http.get("/api/products?page=1&size=3" + sku).json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("productId").asText()).isEqualTo(a);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    void productJsonHasExactlyTheContractFields() {
        String id = product("J", "Json Widget", "JSON-1", 7, 1);

        JsonNode json = http.get("/api/products/" + id).json();

        assertThat(iterable(json.fieldNames())).containsExactly(
                "productId", "sku", "name", "description", "price", "availableStock", "reservedStock", "available",
                "discontinued", "createdAt", "updatedAt", "version");
        assertThat(json.get("price").isNumber()).isTrue();
        assertThat(json.get("price").decimalValue()).isEqualByComparingTo("29.99");
        assertThat(json.get("price").toString()).isEqualTo("29.99");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-04-01T10:00:01Z");
    }

    @Test
    void ordersFilterByCustomerStatusAndMinimumTotalNewestFirst() {
        String customer = "CUST-" + run;
        String o1 = order("O1", customer, "20.00", 1);
        String o2 = order("O2", customer, "70.77", 2);
        String o3 = order("O3", "OTHER-" + run, "99.00", 3);
        events.append("Order", o2, new PaymentReceivedEvent(o2, "PAY-2", Money.of("70.77"), "card", T0),
                      new OrderConfirmedEvent(o2, T0));
        long cancelled = events.append("Order", o3, new OrderCancelledEvent(o3, "fraud", "admin", T0));
        assertThat(http.get("/api/orders/" + o2 + "?minVersion=3").json().get("status").asText())
                .isEqualTo("confirmed");
        assertThat(http.get("/api/orders/" + o3 + "?minVersion=" + cancelled).json().get("cancellationReason")
                       .asText()).isEqualTo("fraud");

        assertThat(ids("/api/orders?customerId=" + customer)).containsExactly(o2, o1);
        assertThat(ids("/api/customers/" + customer + "/orders")).containsExactly(o2, o1);
        assertThat(ids("/api/customers/" + customer + "/orders?size=1&page=1")).containsExactly(o1);
        assertThat(ids("/api/orders?customerId=" + customer + "&status=confirmed")).containsExactly(o2);
        assertThat(ids("/api/orders?customerId=" + customer + "&minTotal=70.77")).containsExactly(o2);
        assertThat(ids("/api/orders?customerId=OTHER-" + run + "&status=cancelled")).containsExactly(o3);
        assertThat(http.get("/api/customers/NOBODY-" + run + "/orders").json().get("totalItems").asLong()).isZero();
    }

    @Test
    void minVersionWaitsUntilTheViewCatchesUp() throws Exception {
        String product = "P-" + run;
        String cart = "C-" + run;
        CompletableFuture<Response> productAnswer = http.getAsync("/api/products/" + product + "?minVersion=2");
        CompletableFuture<Response> cartAnswer = http.getAsync("/api/carts/" + cart + "?minVersion=2");

        events.append("Product", product, created(product, "Waited Widget", "W-" + run, 1, T0),
                      new StockAddedEvent(product, 4, "PO", T0));
        events.append("Cart", cart, new CartCreatedEvent(cart, "CUST", T0),
                      new ItemAddedToCartEvent(cart, product, "Waited Widget", 2, Money.of("29.99"), T0));

        Response productView = productAnswer.get(5, TimeUnit.SECONDS);
        assertThat(productView.status()).as(productView.toString()).isEqualTo(200);
        assertThat(productView.json().get("version").asLong()).isEqualTo(2);
        assertThat(productView.json().get("availableStock").asInt()).isEqualTo(5);
        Response cartView = cartAnswer.get(5, TimeUnit.SECONDS);
        assertThat(cartView.status()).as(cartView.toString()).isEqualTo(200);
        assertThat(cartView.json().get("itemCount").asInt()).isEqualTo(2);
        assertThat(cartView.json().get("totalAmount").decimalValue()).isEqualByComparingTo("59.98");
    }

    @Test
    void aReadyViewIsAnsweredOnTheRequestThreadAndOnlyALaggingOneWaitsAsynchronously() throws Exception {
        String id = product("S", "Sync Widget", "SYNC-1", 3, 1);

        for (String ready : List.of("/api/products/" + id, "/api/products/" + id + "?minVersion=1")) {
            MvcResult answer = mvc.perform(get(ready)).andReturn();
            assertThat(answer.getRequest().isAsyncStarted()).as(ready).isFalse();
            assertThat(answer.getResponse().getStatus()).as(ready).isEqualTo(200);
            assertThat(answer.getResponse().getContentAsString()).as(ready).contains("\"productId\":\"" + id + "\"");
        }

        MvcResult waiting = mvc.perform(get("/api/products/" + id + "?minVersion=2")).andReturn();
        assertThat(waiting.getRequest().isAsyncStarted()).isTrue();
        MvcResult lagging = mvc.perform(asyncDispatch(waiting)).andReturn();
        assertThat(lagging.getResponse().getStatus()).isEqualTo(503);
        assertThat(lagging.getResponse().getContentAsString()).contains("PROJECTION_LAGGING");
    }

    @Test
    void minVersionThatIsNeverReachedIsAnsweredWithProjectionLagging() {
        String id = product("L", "Lagging Widget", "LAG-1", 1, 1);

        Response answer = http.get("/api/products/" + id + "?minVersion=5");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.json().get("code").asText()).isEqualTo("PROJECTION_LAGGING");
        assertThat(http.get("/api/orders/NOPE-" + run + "?minVersion=1").json().get("code").asText())
                .isEqualTo("PROJECTION_LAGGING");
    }

    @Test
    void unknownResourcesAreNotFoundImmediately() {
        assertProblem(http.get("/api/products/NOPE"), 404, "PRODUCT_NOT_FOUND");
        assertProblem(http.get("/api/carts/NOPE"), 404, "CART_NOT_FOUND");
        assertProblem(http.get("/api/orders/NOPE"), 404, "ORDER_NOT_FOUND");
        assertProblem(http.get("/api/nothing/here"), 404, "NOT_FOUND");
    }

    @Test
    void adminPathsLookUnknownToAClientThatIsNotLocal() throws Exception {
        // this machine's own non-loopback address: the service sees a remote client
        InetAddress address = NetworkInterface.networkInterfaces()
                .filter(nic -> isUp(nic) && !isLoopback(nic))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(candidate -> candidate instanceof Inet4Address)
                .findFirst().orElse(null);
        assumeTrue(address != null, "no non-loopback IPv4 address on this machine");
        Http remote = new Http("http://" + address.getHostAddress() + ":" + port);

        Response unknown = remote.get("/admin/no-such-endpoint");
        assertProblem(unknown, 404, "NOT_FOUND");
        for (Response probe : List.of(remote.get("/admin/projections/rebuild"), remote.get("/admin/dead-letters"),
                                      remote.post("/admin/dead-letters/product-view/retry", null),
                                      remote.get("/admin/dead-letters", "text/plain"))) {
            assertProblem(probe, 404, "NOT_FOUND");
            assertThat(probe.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        }
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }

    @Test
    void requestsTomcatRefusesBeforeAnyServletAreProblemsToo() {
        assertProblem(http.get("/api/products/a%2Fb"), 400, "MALFORMED_REQUEST");
        assertProblem(http.get("/api/products/a%FFb"), 400, "MALFORMED_REQUEST");
        assertProblem(http.get("/api/products", "X-Padding", "x".repeat(10_000)), 400, "MALFORMED_REQUEST");
        assertProblem(http.send(HttpRequest.newBuilder(http.uri("/api/products"))
                                           .method("TRACE", BodyPublishers.noBody()).build()),
                      405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void badParametersAreProblemsNeverServerErrors() {
        Response invalid = http.get("/api/products?page=-1&size=101&lowStockBelow=-3");
        assertProblem(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("page", "size", "lowStockBelow");
        assertThat(invalid.json().get("errors").findValuesAsText("message")).contains("size must be at most 100");

        Response wrongType = http.get("/api/orders?minTotal=lots&size=x");
        assertProblem(wrongType, 400, "MALFORMED_REQUEST");
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isIn("minTotal", "size");

        for (String outOfRange : new String[]{"1E-20000", "1E%2B200000", "0.001"}) {
            Response total = http.get("/api/orders?minTotal=" + outOfRange);
            assertProblem(total, 400, "VALIDATION_FAILED");
            assertThat(total.json().get("errors").findValuesAsText("field")).containsExactly("minTotal");
        }
        for (String nul : new String[]{"/api/products?search=a%00b", "/api/products?sku=a%00",
                                       "/api/orders?status=%00"}) {
            Response text = http.get(nul);
            assertProblem(text, 400, "MALFORMED_REQUEST");
            assertThat(text.json().get("detail").asText()).endsWith("has an invalid value");
            assertThat(text.json().get("errors").findValuesAsText("message").get(0))
                    .endsWith("must not contain the character U+0000");
        }
        assertProblem(http.get("/api/orders?status=lost"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/products/" + "x".repeat(65)), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/products/P-1?minVersion=-1"), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/products/P-1?minVersion=abc"), 400, "MALFORMED_REQUEST");
        assertProblem(http.get("/api/orders?customerId=a%20b"), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/products", "{}"), 405, "METHOD_NOT_ALLOWED");
        Response xml = http.get("/api/products", "application/xml");
        assertProblem(xml, 406, "NOT_ACCEPTABLE");
        assertThat(xml.json().get("detail").asText()).isEqualTo("This resource is available as application/json only");
        Response stream = http.get("/api/dashboard/stream", "application/json");
        assertProblem(stream, 406, "NOT_ACCEPTABLE");
        assertThat(stream.json().get("detail").asText())
                .isEqualTo("This resource is available as text/event-stream only");
    }

    @Test
    void aHeadRequestForTheDashboardStreamLeavesNoStreamOpen() throws Exception {
        HttpResponse<Void> head = http.client().send(
                HttpRequest.newBuilder(http.uri("/api/dashboard/stream")).method("HEAD", BodyPublishers.noBody())
                           .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        // before, the request stayed active (an open subscription) until the stream's 30-minute timeout
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response active = http.get("/actuator/metrics/http.server.requests.active?tag=method:HEAD");
            assertThat(active.status()).as(active.toString()).isEqualTo(200);
            assertThat(active.json().at("/measurements/0/value").asDouble()).isZero();
        });
    }

    @Test
    void dashboardStreamPushesAnUpdateForEachCommittedChange() throws Exception {
        long productsBefore = http.get("/api/dashboard").json().get("totalProducts").asLong();
        try (SseClient stream = new SseClient(http.client(), http.uri("/api/dashboard/stream"))) {
            SseClient.Event snapshot = stream.next(e -> true, 30_000);
            assertThat(snapshot.name()).isEqualTo("dashboard");
            assertThat(snapshot.data().get("type").asText()).isEqualTo("snapshot");

            String id = "SSE-" + run;
            events.append("Product", id, created(id, "Streamed Widget", "SSE-" + run, 3, T0));

            SseClient.Event update = stream.next(e -> e.data().get("type").asText().equals("product_created"), 30_000);
            assertThat(update.name()).isEqualTo("dashboard");
            assertThat(update.data().get("message").asText()).isEqualTo("New product: Streamed Widget ($29.99)");
            assertThat(update.data().get("stats").get("totalProducts").asLong()).isEqualTo(productsBefore + 1);
            assertThat(update.data().get("time").asText()).isEqualTo("2026-04-01T10:00:00Z");
        }
    }

    @Test
    void failingEventsAreParkedVisiblyAndCanBeRetried() {
        String ghost = "GHOST-" + run;
        events.append("Product", ghost, new StockAddedEvent(ghost, 5, "PO-1", T0),
                      new StockAddedEvent(ghost, 2, "PO-2", T0));

        await().atMost(30, TimeUnit.SECONDS)
               .until(() -> http.get("/admin/dead-letters").json().get("product-view").asLong() == 2);
        assertThat(meters.get("minkshop.dead.letters").tag("group", "product-view").gauge().value()).isEqualTo(2);
        assertThat(http.get("/api/products/" + ghost).status()).isEqualTo(404);

        // the cause goes away: the product row appears (as if a missing event had been restored)
        TestDatabase.execute("INSERT INTO readmodel.product_view (product_id, sku, name, description, price, "
                             + "available_stock, reserved_stock, discontinued, created_at, updated_at, version) "
                             + "VALUES ('" + ghost + "', 'G', 'Ghost', '', 1.00, 0, 0, false, now(), now(), 0)");
        JsonNode retried = http.post("/admin/dead-letters/product-view/retry", null).json();

        assertThat(retried.get("processedSequences").asInt()).isEqualTo(1);
        assertThat(retried.get("remainingLetters").asLong()).isZero();
        JsonNode view = http.get("/api/products/" + ghost).json();
        assertThat(view.get("availableStock").asInt()).isEqualTo(7);
        assertThat(view.get("version").asLong()).isEqualTo(2);
        assertProblem(http.post("/admin/dead-letters/no-such-group/retry", null), 404, "NOT_FOUND");
    }

    private String product(String suffix, String name, String sku, int stock, int second) {
        String id = "PROD-" + suffix + "-" + run;
        long version = events.append("Product", id, created(id, name, run + "-" + sku, stock,
                                                             T0.plusSeconds(second)));
        assertThat(http.get("/api/products/" + id + "?minVersion=" + version).status()).isEqualTo(200);
        return id;
    }

    private String order(String suffix, String customer, String total, int second) {
        String id = "ORDER-" + suffix + "-" + run;
        long version = events.append("Order", id, new OrderPlacedEvent(
                id, customer, "CART-" + id, List.of(OrderLine.of("P", "Thing", 1, Money.of(total))), ADDRESS,
                Money.of(total), Money.ZERO, Money.ZERO, Money.of(total), T0.plusSeconds(second)));
        assertThat(http.get("/api/orders/" + id + "?minVersion=" + version).status()).isEqualTo(200);
        return id;
    }

    private static ProductCreatedEvent created(String id, String name, String sku, int stock, Instant at) {
        return new ProductCreatedEvent(id, sku, name, "A fine product", Money.of("29.99"), stock, at);
    }

    private List<String> ids(String path) {
        Response response = http.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.has("productId") ? item.get("productId").asText()
                                                                                     : item.get("orderId").asText()));
        return ids;
    }

    @Test
    void answersWithTheCallersCorrelationIdOrANewOne() {
        String product = product("C", "Widget", "WIDGET-C", 1, 1);

        Response found = http.get("/api/products/" + product + "?minVersion=1", "X-Correlation-Id", "query-42");
        Response missing = http.get("/api/products/NOPE", "X-Correlation-Id", "bad id!");

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.header("X-Correlation-Id")).isEqualTo("query-42");
        assertProblem(missing, 404, "PRODUCT_NOT_FOUND");
        assertThat(UUID.fromString(missing.header("X-Correlation-Id"))).isNotNull();
    }

    @Test
    void everyProjectionLogsWithTheCorrelationIdOfItsEvent() {
        for (String group : List.of("product-view", "cart-view", "order-view", "dashboard")) {
            assertThat(processing.interceptorsFor(group))
                    .as(group)
                    .anyMatch(interceptor -> interceptor.getClass().getSimpleName()
                                                        .equals("CorrelationMdcInterceptor"));
        }
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.has("detail")).isTrue();
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
        assertThat(body.path("correlationId").asText()).isEqualTo(response.header("X-Correlation-Id"));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
