package com.minkshop.command;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.web.ApiErrors;
import com.minkshop.command.web.ApiExample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What an operator relies on: the health probes, the Prometheus metrics after real commands, and an OpenAPI
 * description that covers every endpoint the service really has.
 */
// Spring Boot tests switch metrics export off unless asked; the saga is not needed here, and a second context
// running it in this JVM would share the default context's token claim
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "minkshop.sagas.auto-start=false")
@AutoConfigureObservability(tracing = false)
class OperationsIT {

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private JdbcTemplate jdbc;

    private ShopClient shop;

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
    }

    @Test
    void boundsItsDatabaseSessionsWellBelowTheEventReadersGapTimeout() {
        // whatever the server's defaults: SessionTimeoutsIT shows what PostgreSQL then does
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("10s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("10s");
    }

    @Test
    void answersTheProbesAndReportsTheDatabaseAndTheSwitchedOffSaga() {
        Response liveness = shop.get("/actuator/health/liveness");
        assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
        assertThat(liveness.body().path("status").asText()).isEqualTo("UP");

        Response readiness = shop.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.body().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.body().path("components").path("readinessState").path("status").asText())
                .isEqualTo("UP");

        // stopped on purpose is healthy; ShutdownIT sees it running
        JsonNode sagas = shop.get("/actuator/health").body().path("components").path("sagas");
        assertThat(sagas.path("status").asText()).isEqualTo("UP");
        assertThat(sagas.path("details").path("processor").asText()).isEqualTo("order-fulfilment");
        assertThat(sagas.path("details").path("running").asBoolean()).isFalse();
        assertThat(sagas.path("details").path("autoStart").asBoolean()).isFalse();
    }

    @Test
    void exposesOnlyTheOperatorEndpointsThatRevealNothing() {
        assertThat(shop.get("/actuator/info").status()).isEqualTo(200);
        assertThat(shop.get("/actuator/metrics").status()).isEqualTo(200);
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
                                     "/actuator/heapdump", "/actuator/loggers", "/actuator/shutdown")) {
            assertThat(shop.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void countsTheDemosCommandsOrdersAndRevenue() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String product = "PROD-001-" + run;
        String cart = "CART-001-" + run;
        String order = "ORDER-001-" + run;
        Prometheus before = Prometheus.scrape(port);

        created(shop.post("/api/products", """
                {"productId": "%s", "sku": "WIDGET-001", "name": "Super Widget",
                 "description": "The best widget money can buy", "price": 29.99, "initialStock": 100}"""
                .formatted(product)));
        created(shop.post("/api/carts", "{\"cartId\": \"%s\", \"customerId\": \"CUST-001\"}".formatted(cart)));
        ok(shop.post("/api/carts/" + cart + "/items", """
                {"productId": "%s", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}"""
                .formatted(product)));
        created(shop.post("/api/orders", """
                {"orderId": "%s", "customerId": "CUST-001", "cartId": "%s",
                 "items": [{"productId": "%s", "productName": "Super Widget", "quantity": 2, "unitPrice": 29.99}],
                 "shippingAddress": {"name": "John Doe", "street": "123 Main St", "city": "New York"},
                 "shippingCost": 5.99, "taxRate": 0.08}""".formatted(order, cart, product)));
        Response shortPayment = shop.post("/api/orders/" + order + "/payment", """
                {"paymentId": "PAY-001", "amount": 70.76, "paymentMethod": "credit_card"}""");
        assertThat(shortPayment.code()).isEqualTo("INVALID_PAYMENT_AMOUNT");
        ok(shop.post("/api/orders/" + order + "/payment", """
                {"paymentId": "PAY-001", "amount": 70.77, "paymentMethod": "credit_card"}"""));
        ok(shop.post("/api/orders/" + order + "/shipment", """
                {"trackingNumber": "1Z999AA10123456784", "carrier": "UPS"}"""));
        // invalid at dispatch: it never reaches a handler, so it is no command outcome (the HTTP metrics have it)
        assertThat(shop.post("/api/products", "{\"sku\": \"\"}").status()).isEqualTo(400);

        Prometheus after = Prometheus.scrape(port);

        assertThat(delta(before, after, "minkshop_business_orders_placed_total")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_business_orders_shipped_total")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_business_revenue_total")).isCloseTo(70.77, within(1e-9));
        assertThat(delta(before, after, "minkshop_commands_total", "command_type", "ProcessPayment",
                         "status", "success")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_commands_total", "command_type", "ProcessPayment",
                         "status", "rejected")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_commands_errors_total", "command_type", "ProcessPayment",
                         "code", "INVALID_PAYMENT_AMOUNT")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_commands_total", "command_type", "CreateProduct",
                         "status", "success")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_commands_total", "command_type", "CreateProduct",
                         "status", "rejected")).isZero();
        assertThat(delta(before, after, "minkshop_commands_total", "command_type", "PlaceOrder",
                         "status", "success")).isEqualTo(1);
        assertThat(delta(before, after, "minkshop_commands_duration_seconds_count", "command_type", "PlaceOrder"))
                .isEqualTo(1);
        assertThat(after.has("minkshop_commands_duration_seconds_bucket", "command_type", "PlaceOrder",
                             "le", "0.1")).isTrue();
        assertThat(after.value("minkshop_commands_total", "application", "command-service")).isPositive();
        // Axon's own metrics, tagged by message type (config.MessageMonitorConfig)
        assertThat(delta(before, after, "commandBus_successCounter_total", "payloadType", "PlaceOrderCommand"))
                .isEqualTo(1);
        assertThat(delta(before, after, "commandBus_failureCounter_total", "payloadType", "ProcessPaymentCommand"))
                .isEqualTo(1);
        assertThat(after.has("commandBus_capacity", "payloadType", "PlaceOrderCommand")).isTrue();
        assertThat(delta(before, after, "eventStore_ingestedCounter_total", "payloadType", "OrderPlacedEvent"))
                .isEqualTo(1);
        // the [CMD] lines, two per command, counted as written (monitoring.LogEventMeters); no turbo filter left
        // to run on every level check
        assertThat(delta(before, after, "logback_events_total", "level", "info")).isGreaterThanOrEqualTo(14);
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }

    @Test
    void documentsEveryEndpointWithItsErrorsAndExamples() {
        Response docs = shop.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        List<String> checked = new ArrayList<>();

        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("com.minkshop")
                    || handler.getBeanType().getSimpleName().equals("ProblemErrorController")) {
                continue;
            }
            for (String path : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    String where = method + " " + path;
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase());
                    assertThat(operation.isObject()).as(where + " is documented").isTrue();
                    assertThat(operation.path("summary").asText()).as(where + " summary").isNotBlank();
                    assertDocumentedErrors(where, operation, handler);
                    ApiExample example = handler.getMethodAnnotation(ApiExample.class);
                    assertThat(example).as(where + " has an example").isNotNull();
                    JsonNode success = operation.path("responses").path(String.valueOf(example.status()));
                    assertThat(success.path("content").path("application/json").path("example").isObject())
                            .as(where + " success example").isTrue();
                    if (operation.has("requestBody")) {
                        assertThat(operation.path("requestBody").path("content").path("application/json")
                                            .path("example").isObject()).as(where + " request example").isTrue();
                    }
                    checked.add(where);
                }
            }
        }

        assertThat(checked).hasSize(19).contains("POST /api/orders/{id}/payment");
        JsonNode payment = paths.path("/api/orders/{id}/payment").path("post");
        assertThat(payment.path("requestBody").path("content").path("application/json").path("example")
                          .path("amount").decimalValue()).isEqualByComparingTo("70.77");
        assertThat(payment.path("responses").path("409").path("content").path("application/problem+json")
                          .path("examples").path("INVALID_PAYMENT_AMOUNT").path("value").path("code").asText())
                .isEqualTo("INVALID_PAYMENT_AMOUNT");
        assertThat(payment.path("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(paths.path("/api/orders").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/carts").path("post").path("operationId").asText()).isEqualTo("createCart");
        assertThat(docs.body().path("components").path("schemas").path("Problem").path("properties").has("code"))
                .isTrue();
        assertThat(Prometheus.get(port, "/swagger-ui/index.html")).contains("swagger-ui");
    }

    /** Every code the endpoint declares, and the ones all endpoints share, each under its own HTTP status. */
    private static void assertDocumentedErrors(String where, JsonNode operation, HandlerMethod handler) {
        List<ErrorCode> codes = new ArrayList<>(List.of(ErrorCode.VALIDATION_FAILED, ErrorCode.INTERNAL_ERROR,
                                                        ErrorCode.CONCURRENT_MODIFICATION,
                                                        ErrorCode.IDEMPOTENCY_KEY_REUSED));
        ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
        assertThat(declared).as(where + " declares its business errors").isNotNull();
        codes.addAll(List.of(declared.value()));
        for (ErrorCode code : codes) {
            JsonNode example = operation.path("responses").path(String.valueOf(code.httpStatus())).path("content")
                                        .path("application/problem+json").path("examples").path(code.name());
            assertThat(example.path("value").path("code").asText()).as(where + " documents " + code)
                                                                  .isEqualTo(code.name());
        }
    }

    private static double delta(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static void created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
