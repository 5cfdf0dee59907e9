package com.minkshop.command;

import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under the command-service (a proxy between the two is cut) and comes back: requests are
 * answered 503 SERVICE_UNAVAILABLE with Retry-After, promptly and without a half-applied write, the key of a failed
 * request stays usable, and the service works again without a restart.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "minkshop.sagas.auto-start=false")
@Import(DatabaseOutageIT.OutageConfig.class)
@DirtiesContext
class DatabaseOutageIT {

    private static final String DATABASE_URL = env("MINKSHOP_DB_URL", "jdbc:postgresql://localhost:5432/minkshop");
    private static final DatabaseProxy PROXY = startProxy();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private OutageAfterDecision outageAfterDecision;

    private ShopClient shop;
    private StoredEvents events;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DatabaseProxy.viaProxy(DATABASE_URL, PROXY.port()));
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
    }

    @AfterEach
    void databaseBack() {
        PROXY.restore();
    }

    @Test
    void answersUnavailableWhileTheDatabaseIsDownAndWorksAgainOnceItIsBack() {
        String cartId = "CART-" + UUID.randomUUID();
        String key = "outage-" + UUID.randomUUID();

        PROXY.cut();
        Response during = createCart(cartId, key);
        Response readiness = shop.get("/actuator/health/readiness");

        assertUnavailable(during);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);

        PROXY.restore();
        // as a client does: retry on 503 (the pool may still hand out a connection that died in the outage); the
        // 503 was not stored under the key, so the retry runs the command
        Response retried = await().atMost(Duration.ofSeconds(30))
                                  .until(() -> createCart(cartId, key), response -> response.status() != 503);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEmpty();
        assertThat(events.of(cartId)).extracting(StoredEvent::simpleType).containsExactly("CartCreatedEvent");
    }

    @Test
    void aCommandWhoseCommitCannotReachTheDatabaseWritesNothing() {
        String cartId = "CART-" + UUID.randomUUID();
        assertThat(createCart(cartId, null).status()).isEqualTo(201);
        outageAfterDecision.arm();

        Response during = shop.post("/api/carts/" + cartId + "/items", """
                {"productId": "PROD-1", "productName": "Widget", "quantity": 2, "unitPrice": 9.99}""");

        assertUnavailable(during);
        PROXY.restore();
        Response after = await().atMost(Duration.ofSeconds(30))
                                .until(() -> shop.post("/api/carts/" + cartId + "/items", """
                                        {"productId": "PROD-1", "productName": "Widget", "quantity": 2,
                                         "unitPrice": 9.99}"""), response -> response.status() != 503);
        // the item of the failed commit is not there: this one is the cart's second event
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.version()).isEqualTo(2);
        assertThat(events.of(cartId)).extracting(StoredEvent::simpleType)
                                     .containsExactly("CartCreatedEvent", "ItemAddedToCartEvent");
    }

    private Response createCart(String cartId, String key) {
        String body = """
                {"cartId": "%s", "customerId": "CUST-001"}""".formatted(cartId);
        return key == null ? shop.post("/api/carts", body) : shop.send("POST", "/api/carts", body,
                                                                        "Idempotency-Key", key);
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.header("Retry-After")).hasValue("5");
        assertThat(response.text()).doesNotContain("PSQLException", "SQL", "jdbc");
    }

    private static DatabaseProxy startProxy() {
        try {
            return new DatabaseProxy(DATABASE_URL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OutageConfig {

        @Bean
        OutageAfterDecision outageAfterDecision() {
            return new OutageAfterDecision();
        }
    }

    /**
     * Innermost handler interceptor: once armed, cuts the database after the next item command was decided and
     * before its unit of work commits (where the events are appended).
     */
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class OutageAfterDecision implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final AtomicBoolean armed = new AtomicBoolean();

        void arm() {
            armed.set(true);
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof AddToCartCommand
                    && armed.compareAndSet(true, false)) {
                PROXY.cut();
            }
            return result;
        }
    }
}
