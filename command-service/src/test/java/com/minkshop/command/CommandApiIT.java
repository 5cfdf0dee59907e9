package com.minkshop.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.command.ShopClient.Response;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract on the real stack: Axon's repository, the interceptors and Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandApiIT {

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper webMapper;
    @Autowired
    private Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    private org.axonframework.config.Configuration axon;

    private ShopClient shop;

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
    }

    @Test
    void answersCommandsToAggregatesThatDoNotExistWithTheirNotFoundCode() {
        String id = UUID.randomUUID().toString();

        assertProblem(shop.post("/api/products/" + id + "/stock", "{\"quantity\": 1}"), 404, "PRODUCT_NOT_FOUND");
        assertProblem(shop.post("/api/carts/" + id + "/items", """
                {"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 1}"""),
                      404, "CART_NOT_FOUND");
        assertProblem(shop.post("/api/orders/" + id + "/shipment",
                                "{\"trackingNumber\": \"1Z\", \"carrier\": \"UPS\"}"),
                      404, "ORDER_NOT_FOUND");
    }

    @Test
    void rejectsCreatingAnExistingAggregateWith409() {
        String cartId = "CART-" + UUID.randomUUID();
        String cart = "{\"cartId\": \"" + cartId + "\", \"customerId\": \"CUST-1\"}";
        String product = """
                {"productId": "PROD-%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 5}"""
                .formatted(UUID.randomUUID());
        String order = """
                {"orderId": "ORDER-%s", "customerId": "CUST-1", "cartId": "CART-1",
                 "items": [{"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 1}],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""".formatted(UUID.randomUUID());

        for (String[] create : new String[][]{{"/api/carts", cart, "CART_ALREADY_EXISTS"},
                                              {"/api/products", product, "PRODUCT_ALREADY_EXISTS"},
                                              {"/api/orders", order, "ORDER_ALREADY_EXISTS"}}) {
            assertThat(shop.post(create[0], create[1]).status()).isEqualTo(201);
            Response again = shop.post(create[0], create[1]);
            assertProblem(again, 409, create[2]);
            assertThat(again.body().path("detail").asText()).endsWith("is already in use");
        }
        // the duplicate appended nothing: the next command writes the cart's second event
        assertThat(shop.post("/api/carts/" + cartId + "/items", """
                {"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 1}""")
                       .body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void keepsAnIdOfOneAggregateTypeFromBeingUsedAsAnother() {
        String id = "SHARED-" + UUID.randomUUID();
        createProduct(id, 5);

        assertProblem(shop.post("/api/carts", "{\"cartId\": \"" + id + "\", \"customerId\": \"CUST-1\"}"),
                      409, "CART_ALREADY_EXISTS");
        assertProblem(shop.post("/api/orders", """
                {"orderId": "%s", "customerId": "CUST-1", "cartId": "CART-1",
                 "items": [{"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 1}],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""".formatted(id)), 409, "ORDER_ALREADY_EXISTS");
        assertProblem(shop.post("/api/carts/" + id + "/items", """
                {"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 1}"""),
                      404, "CART_NOT_FOUND");
        assertProblem(shop.post("/api/orders/" + id + "/cancellation", "{\"reason\": \"changed my mind\"}"),
                      404, "ORDER_NOT_FOUND");
        // the product's own stream is untouched and still answers as a product
        Response stock = shop.post("/api/products/" + id + "/stock", "{\"quantity\": 1}");
        assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
        assertThat(stock.version()).isEqualTo(2);
    }

    @Test
    void refusesStockBeyondTheLimitOnHandWithoutAppending() {
        String id = "PROD-" + UUID.randomUUID();
        createProduct(id, 1_000_000);
        // 999 more deliveries of the largest allowed quantity fill the product to a billion units (with snapshots)
        for (int delivery = 1; delivery <= 999; delivery++) {
            Response added = shop.post("/api/products/" + id + "/stock", "{\"quantity\": 1000000}");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
        }

        Response over = shop.post("/api/products/" + id + "/stock", "{\"quantity\": 1}");

        assertProblem(over, 409, "STOCK_LIMIT_EXCEEDED");
        assertThat(over.body().path("detail").asText()).contains("holds 1000000000");
        Response reserved = shop.post("/api/products/" + id + "/reservations",
                                      "{\"orderId\": \"ORDER-1\", \"quantity\": 1000000}");
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(200);
        assertThat(reserved.version()).isEqualTo(1001);
    }

    @Test
    void takesBodiesAsJsonOnlyAndEachFieldOnce() {
        String productId = "PROD-" + UUID.randomUUID();
        Response yaml = shop.send("POST", "/api/products", "application/yaml", """
                productId: %s
                sku: SKU-1
                name: Widget
                price: 9.99
                initialStock: 2.9
                unknown: 1
                """.formatted(productId));
        Response twice = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 5,
                 "initialStock": -5}""".formatted(productId));

        assertProblem(yaml, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(twice, 400, "MALFORMED_REQUEST");
        assertThat(twice.body().path("detail").asText()).isEqualTo("Field 'initialStock' appears more than once.");
        assertProblem(shop.post("/api/products/" + productId + "/stock", "{\"quantity\": 1}"),
                      404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void refusesABodyAbove256KbWhetherItsLengthIsAnnouncedOrNot() throws Exception {
        String items = "{}, ".repeat(70_000);
        String order = """
                {"customerId": "CUST-1", "cartId": "CART-1", "items": [%s{}],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""".formatted(items);
        byte[] bytes = order.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                // a publisher of unknown length makes the client send the body in chunks
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(chunked.build(),
                                                                         HttpResponse.BodyHandlers.ofString());

        assertThat(bytes.length).isGreaterThan(256 * 1024);
        assertProblem(shop.post("/api/orders", order), 413, "PAYLOAD_TOO_LARGE");
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(ShopClient.parse(streamed.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        // below the limit the same kind of body is validated, the items only up to one past the most allowed
        Response within = shop.post("/api/orders", order.replace(items, "{}, ".repeat(20_000)));
        assertProblem(within, 400, "VALIDATION_FAILED");
        assertThat(within.body().path("errors").findValuesAsText("message")).contains("at most 100 items are allowed");
        assertThat(within.body().path("errors").findValuesAsText("field"))
                .contains("items[100].productId").doesNotContain("items[101].productId");
    }

    @Test
    void refusesTextWithTheNulCharacterWhereverItIsInTheBody() throws Exception {
        String productId = "PROD-" + UUID.randomUUID();
        Response product = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Wid\\u0000get", "price": 9.99, "initialStock": 5}"""
                .formatted(productId));
        Response order = shop.post("/api/orders", """
                {"customerId": "CUST-1", "cartId": "CART-1",
                 "items": [{"productId": "P-1", "productName": "Widget\\u0000", "quantity": 1, "unitPrice": 1}],
                 "shippingAddress": {"street": "Main St 1", "city": "Springfield"},
                 "shippingCost": 0, "taxRate": 0}""");

        assertProblem(product, 400, "MALFORMED_REQUEST");
        assertThat(product.body().path("detail").asText())
                .isEqualTo("Field 'name' must not contain the character U+0000.");
        assertProblem(order, 400, "MALFORMED_REQUEST");
        assertThat(order.body().path("detail").asText())
                .isEqualTo("Field 'items[0].productName' must not contain the character U+0000.");
        assertProblem(shop.post("/api/products/" + productId + "/stock", "{\"quantity\": 1}"),
                      404, "PRODUCT_NOT_FOUND");
        Response surrogate = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "description": "half \\ud83d of an emoji",
                 "price": 9.99}""".formatted(productId));
        assertProblem(surrogate, 400, "MALFORMED_REQUEST");
        assertThat(surrogate.body().path("detail").asText())
                .isEqualTo("Field 'description' must not contain an unpaired surrogate (U+D83D).");
        // events stored before keep loading: only the REST layer's mapper refuses the character
        assertThat(((JacksonSerializer) eventSerializer).getObjectMapper().readValue("\"a\\u0000b\"", String.class))
                .isEqualTo("a\0b");
    }

    @Test
    void reportsEveryInvalidFieldThroughTheRealGateway() {
        Response response = shop.post("/api/orders", """
                {"customerId": "CUST-001", "cartId": "CART-001",
                 "items": [{"productId": "PROD-001", "productName": "Widget", "quantity": 0, "unitPrice": 29.99}],
                 "shippingAddress": {"name": "John Doe", "country": "USA"},
                 "shippingCost": 5.99, "taxRate": 0.08}""");

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactly("items[0].quantity", "shippingAddress.city", "shippingAddress.street");
    }

    @Test
    void answersUnknownPathsAndTheErrorPageWithProblems() {
        assertProblem(shop.get("/api/unknown"), 404, "NOT_FOUND");
        assertProblem(shop.get("/error"), 404, "NOT_FOUND");
    }

    @Test
    void answersRequestsTomcatRejectsBeforeAnyServletWithProblems() {
        // Tomcat refuses encoded slashes in paths itself; no controller or error page is involved
        assertProblem(shop.post("/api/products/a%2Fb/stock", "{\"quantity\": 1}"), 400, "MALFORMED_REQUEST");
        assertProblem(shop.send("TRACE", "/api/products", "application/json", ""), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void rejectsAFormBodyWith415InsteadOfFailingWhileParsingIt() {
        Response response = shop.send("PUT", "/api/carts/CART-1/items/PROD-1",
                                      "application/x-www-form-urlencoded", "quantity=%zz");

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void exposesHealthForTheStartScript() {
        Response health = shop.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void axonStoresWithItsOwnMapperNotTheStricterRestMapper() {
        assertThat(webMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        for (Serializer axon : new Serializer[]{serializer, eventSerializer}) {
            ObjectMapper axonMapper = ((JacksonSerializer) axon).getObjectMapper();
            assertThat(axonMapper).isNotSameAs(webMapper);
            assertThat(axonMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        }
    }

    @Test
    void aggregatesFindCommandTargetsWithTheResolverThatLooksOncePerCommandClass() {
        // the aggregates take Axon's component of this type; without a bean it is Axon's per-command member scan
        assertThat(axon.getComponent(CommandTargetResolver.class).getClass().getSimpleName())
                .isEqualTo("CachedCommandTargetResolver");
    }

    @Test
    void sendsEachAnswerWithItsLengthInsteadOfInChunks() {
        String cart = "{\"cartId\": \"CART-" + UUID.randomUUID() + "\", \"customerId\": \"CUST-1\"}";
        Response created = shop.post("/api/carts", cart);
        Response duplicate = shop.post("/api/carts", cart);

        assertThat(created.status()).isEqualTo(201);
        assertProblem(duplicate, 409, "CART_ALREADY_EXISTS");
        for (Response answer : List.of(created, duplicate)) {
            assertThat(answer.header("Transfer-Encoding")).as(answer.toString()).isEmpty();
            assertThat(answer.header("Content-Length")).as(answer.toString())
                    .hasValue(String.valueOf(answer.text().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    private void createProduct(String id, int initialStock) {
        Response created = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": %d}"""
                .formatted(id, initialStock));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }
}
