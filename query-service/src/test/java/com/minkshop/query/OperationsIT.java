package com.minkshop.query;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.Money;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.query.admin.ProcessorControl;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.Http.Response;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.Prometheus;
import com.minkshop.query.support.TestDatabase;
import com.minkshop.query.web.ApiErrors;
import com.minkshop.query.web.ApiExample;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator relies on: readiness that follows the read models' processors, projection lag in Prometheus, and
 * an OpenAPI description that covers every endpoint the service really has.
 */
@IntegrationTest
// Spring Boot tests switch metrics export off unless asked
@AutoConfigureObservability(tracing = false)
class OperationsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PRODUCT_VIEW = "product-view";
    private static final List<String> PROCESSORS = List.of(PRODUCT_VIEW, "cart-view", "order-view", "dashboard");

    @LocalServerPort
    private int port;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ProcessorControl control;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Http http;
    private final EventStoreWriter events = new EventStoreWriter();

    @BeforeEach
    void client() {
        http = new Http("http://127.0.0.1:" + port);
    }

    @Test
    void isReadyWhenTheDatabaseAndEveryProcessorAreUp() {
        Response liveness = http.get("/actuator/health/liveness");
        assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            JsonNode components = readiness.json().path("components");
            assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("projections").path("status").asText()).isEqualTo("UP");
            JsonNode processors = components.path("projections").path("details").path("processors");
            for (String processor : PROCESSORS) {
                assertThat(processors.path(processor).path("status").asText()).as(processor).isEqualTo("UP");
                assertThat(processors.path(processor).path("running").asBoolean()).isTrue();
            }
        });
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(http.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void reportsAStoppedProcessorsLagAndTakesTheServiceOutOfRotationUntilItRunsAgain() {
        StreamingEventProcessor products = processor(PRODUCT_VIEW);
        control.stop(products);
        try {
            String id = "LAG-" + System.nanoTime();
            events.append("Product", id,
                          new ProductCreatedEvent(id, "SKU-LAG", "Lag probe", "", Money.of("29.99"), 10,
                                                  Instant.now()),
                          new StockAddedEvent(id, 5, "PO-1", Instant.now()),
                          new StockAddedEvent(id, 5, "PO-2", Instant.now()));

            await().atMost(TIMEOUT).untilAsserted(() -> {
                Prometheus metrics = Prometheus.scrape(port);
                assertThat(metrics.value("minkshop_projection_lag_events", "processor", PRODUCT_VIEW)).isEqualTo(3);
                assertThat(metrics.value("minkshop_projection_lag_seconds", "processor", PRODUCT_VIEW)).isPositive();
                assertThat(metrics.value("minkshop_projection_lag_events", "processor", "cart-view")).isZero();
                assertThat(metrics.value("minkshop_projection_lag_seconds", "processor", "cart-view")).isZero();
            });
            Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            JsonNode projections = readiness.json().path("components").path("projections");
            assertThat(projections.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            JsonNode stopped = projections.path("details").path("processors").path(PRODUCT_VIEW);
            assertThat(stopped.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(stopped.path("lagEvents").asLong()).isEqualTo(3);
        } finally {
            control.start(products);
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
            Prometheus metrics = Prometheus.scrape(port);
            assertThat(metrics.value("minkshop_projection_lag_events", "processor", PRODUCT_VIEW)).isZero();
            assertThat(metrics.value("minkshop_projection_lag_seconds", "processor", PRODUCT_VIEW)).isZero();
            // Axon's processor meters (config.ProcessorMetricsConfig): handled by one processor, skipped by another
            assertThat(metrics.value("eventProcessor_successCounter_total", "processorName", PRODUCT_VIEW,
                                     "payloadType", "StockAddedEvent")).isGreaterThanOrEqualTo(2);
            assertThat(metrics.value("eventProcessor_ignoredCounter_total", "processorName", "cart-view",
                                     "payloadType", "StockAddedEvent")).isGreaterThanOrEqualTo(2);
            assertThat(metrics.has("eventProcessor_latency", "processorName", PRODUCT_VIEW)).isTrue();
            // the processors' start-up lines, counted as written (monitoring.LogEventMeters); no turbo filter left
            // to run on every level check
            assertThat(metrics.value("logback_events_total", "level", "info")).isPositive();
        });
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
    }

    @Test
    void isNotReadyWhileAProcessorIsInError() {
        // the projector fails without its table, and without its dead-letter table the processor cannot even park
        // the failing event: it stops and retries
        TestDatabase.execute("ALTER TABLE readmodel.product_view RENAME TO product_view_away");
        TestDatabase.execute("ALTER TABLE readmodel.dead_letter_entry RENAME TO dead_letter_entry_away");
        try {
            String id = "ERR-" + System.nanoTime();
            events.append("Product", id, new ProductCreatedEvent(id, "SKU-ERR", "Error probe", "",
                                                                 Money.of("1.00"), 1, Instant.now()));

            await().atMost(TIMEOUT).untilAsserted(() -> {
                Response readiness = http.get("/actuator/health/readiness");
                assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
                JsonNode projections = readiness.json().path("components").path("projections");
                assertThat(projections.path("status").asText()).isEqualTo("DOWN");
                JsonNode failing = projections.path("details").path("processors").path(PRODUCT_VIEW);
                assertThat(failing.path("status").asText()).isEqualTo("DOWN");
                assertThat(failing.path("error").asBoolean()).isTrue();
            });
        } finally {
            TestDatabase.execute("ALTER TABLE readmodel.dead_letter_entry_away RENAME TO dead_letter_entry");
            TestDatabase.execute("ALTER TABLE readmodel.product_view_away RENAME TO product_view");
        }

        // the processors retry with a growing back-off and recover on their own
        await().atMost(Duration.ofSeconds(90)).untilAsserted(
                () -> assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200));
    }

    @Test
    void documentsEveryEndpointWithItsErrorsAndExamples() {
        Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        List<String> checked = new ArrayList<>();

        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = mapping.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("com.minkshop")
                    || handler.getBeanType().getSimpleName().equals("FallbackErrorController")) {
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
                    if (example != null) {
                        assertThat(operation.path("responses").path(String.valueOf(example.status())).path("content")
                                            .path("application/json").path("example").isContainerNode())
                                .as(where + " example").isTrue();
                    } else {
                        assertThat(operation.path("responses").path("200").path("content").has("text/event-stream"))
                                .as(where + " has an example unless it is a stream").isTrue();
                    }
                    checked.add(where);
                }
            }
        }

        assertThat(checked).hasSize(12).contains("GET /api/orders/{orderId}", "GET /api/dashboard/stream");
        JsonNode order = paths.path("/api/orders/{orderId}").path("get");
        assertThat(order.path("responses").path("200").path("content").path("application/json").path("example")
                        .path("totalAmount").decimalValue()).isEqualByComparingTo("70.77");
        assertThat(order.path("responses").path("503").path("headers").has("Retry-After")).isTrue();
        assertThat(paths.path("/api/orders").path("get").path("responses").path("200").path("content")
                        .path("application/json").path("example").path("items").path(0).path("orderId").asText())
                .isEqualTo("ORDER-001");
        assertThat(paths.path("/admin/projections/rebuild").path("post").path("parameters").findValuesAsText("name"))
                .contains("X-Admin-Token");
        assertThat(docs.json().path("paths").toString()).doesNotContain("_1");
        assertThat(Prometheus.get(port, "/swagger-ui/index.html")).contains("swagger-ui");
    }

    private static void assertDocumentedErrors(String where, JsonNode operation, HandlerMethod handler) {
        List<ErrorCode> codes = new ArrayList<>(List.of(ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST,
                                                        ErrorCode.NOT_ACCEPTABLE, ErrorCode.INTERNAL_ERROR));
        ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
        if (declared != null) {
            codes.addAll(List.of(declared.value()));
        }
        for (ErrorCode code : codes) {
            JsonNode example = operation.path("responses").path(String.valueOf(code.httpStatus())).path("content")
                                        .path("application/problem+json").path("examples").path(code.name());
            assertThat(example.path("value").path("code").asText()).as(where + " documents " + code)
                                                                  .isEqualTo(code.name());
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
