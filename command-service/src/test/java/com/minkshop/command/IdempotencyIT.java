package com.minkshop.command;

import com.minkshop.command.ConcurrencyConflictIT.OtherWriter;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import com.minkshop.command.idempotency.IdempotencyKey;
import com.minkshop.command.idempotency.IdempotencyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the real stack: Tomcat, the Axon unit of work and PostgreSQL.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "minkshop.sagas.auto-start=false")
@Import(ConcurrencyConflictIT.OtherWriterConfig.class)
class IdempotencyIT {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private IdempotencyStore store;
    @Autowired
    private OtherWriter otherWriter;
    @Autowired
    private TransactionTemplate transactions;

    private ShopClient shop;
    private StoredEvents events;

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void answersARepeatedCreationWithTheFirstResponseAndCreatesOnce() {
        String productId = "PROD-" + UUID.randomUUID();
        String key = newKey();

        Response first = shop.send("POST", "/api/products", productJson(productId), KEY, key);
        Response repeat = shop.send("POST", "/api/products", """
                {"initialStock": 10, "price": 9.990, "name": "Widget", "sku": "SKU-1", "productId": "%s"}"""
                .formatted(productId), KEY, "\"" + key + "\"");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isEmpty();
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.location()).isEqualTo(first.location()).hasValue("/api/products/" + productId);
        assertThat(repeat.contentType()).isEqualTo(first.contentType());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType).containsExactly("ProductCreatedEvent");
    }

    @Test
    void returnsTheFirstGeneratedIdWhenACreationWithoutIdIsRetried() {
        String key = newKey();
        String customerId = "CUST-" + UUID.randomUUID();
        String body = "{\"customerId\": \"" + customerId + "\"}";

        Response first = shop.send("POST", "/api/carts", body, KEY, key);
        Response repeat = shop.send("POST", "/api/carts", body, KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(repeat.text()).isEqualTo(first.text());
        String cartId = first.body().path("aggregateId").asText();
        assertThat(events.of(cartId)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry "
                                       + "WHERE convert_from(payload, 'UTF8') LIKE ?", Long.class,
                                       "%" + customerId + "%"))
                .isEqualTo(1);
    }

    @Test
    void appliesARepeatedStateChangeOnce() {
        String productId = createProduct();
        String key = newKey();

        Response first = addStock(productId, 5, key);
        Response repeat = addStock(productId, 5, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.version()).isEqualTo(2);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType)
                                        .containsExactly("ProductCreatedEvent", "StockAddedEvent");
    }

    @Test
    void rejectsTheSameKeyForAnotherRequestWith422() {
        String productId = createProduct();
        String key = newKey();
        assertThat(addStock(productId, 5, key).status()).isEqualTo(200);

        Response otherBody = addStock(productId, 6, key);
        Response otherPath = shop.send("POST", "/api/products/" + productId + "/price",
                                       "{\"newPrice\": 1.00, \"reason\": \"sale\"}", KEY, key);

        for (Response response : List.of(otherBody, otherPath)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(response.contentType()).hasValue("application/problem+json");
            assertThat(response.header(REPLAYED)).isEmpty();
        }
        assertThat(events.of(productId)).hasSize(2);
    }

    @Test
    void replaysABusinessRejectionEvenAfterTheRuleWouldPass() {
        String productId = createProduct();
        String key = newKey();
        String reservation = "{\"orderId\": \"ORDER-1\", \"quantity\": 50}";

        Response first = shop.send("POST", "/api/products/" + productId + "/reservations", reservation, KEY, key);
        assertThat(addStock(productId, 100, null).status()).isEqualTo(200);
        Response repeat = shop.send("POST", "/api/products/" + productId + "/reservations", reservation, KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(409);
        assertThat(first.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.contentType()).hasValue("application/problem+json");
        assertThat(repeat.header(REPLAYED)).hasValue("true");
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType)
                                        .containsExactly("ProductCreatedEvent", "StockAddedEvent");
    }

    @Test
    void replaysANotFound() {
        String key = newKey();
        String path = "/api/orders/" + UUID.randomUUID() + "/delivery";

        Response first = shop.send("POST", path, "{\"signedBy\": \"J. Doe\"}", KEY, key);
        Response repeat = shop.send("POST", path, "{\"signedBy\": \"J. Doe\"}", KEY, key);

        assertThat(first.code()).as(first.toString()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(repeat.status()).isEqualTo(404);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
    }

    @Test
    void storesAValidationFailureLikeASuccess() {
        String productId = "PROD-" + UUID.randomUUID();
        String key = newKey();
        String invalidJson = """
                {"productId": "%s", "sku": "", "name": "Widget", "price": -1, "initialStock": 10}"""
                .formatted(productId);

        Response invalid = shop.send("POST", "/api/products", invalidJson, KEY, key);
        Response repeat = shop.send("POST", "/api/products", invalidJson, KEY, key);
        Response fixed = shop.send("POST", "/api/products", productJson(productId), KEY, key);

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(repeat.status()).isEqualTo(400);
        assertThat(repeat.text()).isEqualTo(invalid.text());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
        // the key now belongs to the invalid request; a corrected request needs a key of its own
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(422);
        assertThat(fixed.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events.of(productId)).isEmpty();
    }

    @Test
    void storesAMalformedBodyAnswerToo() {
        String key = newKey();

        Response malformed = shop.send("POST", "/api/products", "{\"sku\": ", KEY, key);
        Response repeat = shop.send("POST", "/api/products", "{\"sku\": ", KEY, key);

        assertThat(malformed.code()).as(malformed.toString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(repeat.status()).isEqualTo(400);
        assertThat(repeat.text()).isEqualTo(malformed.text());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
    }

    @Test
    void rejectsAMalformedKeyAndRunsNothing() {
        String productId = "PROD-" + UUID.randomUUID();

        for (String malformed : List.of("\"unterminated", "two words", "x".repeat(256), "\"\"")) {
            Response response = shop.send("POST", "/api/products", productJson(productId), KEY, malformed);

            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
            assertThat(response.contentType()).hasValue("application/problem+json");
            assertThat(response.body().path("instance").asText()).isEqualTo("/api/products");
            assertThat(response.body().path("correlationId").asText()).isNotBlank();
        }
        assertThat(events.of(productId)).isEmpty();
        // 255 visible characters are fine
        Response longest = shop.send("POST", "/api/products", productJson(productId), KEY, "k".repeat(255));
        assertThat(longest.status()).as(longest.toString()).isEqualTo(201);
    }

    /**
     * Another instance running a request with the key shows up only as the claim its command's transaction holds;
     * a request here meanwhile is answered 409 without running, and once the claim is gone the request runs once.
     */
    @Test
    void aKeyClaimedByAnotherInstancesTransactionIsInProgress() throws Exception {
        String productId = createProduct();
        String key = newKey();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherInstance = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> claim = otherInstance.submit(() -> transactions.execute(status -> {
                boolean won = store.tryClaimForTransaction(new IdempotencyKey(key));
                claimed.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return won;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            Response blocked = addStock(productId, 5, key);

            release.countDown();
            assertThat(claim.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(blocked.status()).as(blocked.toString()).isEqualTo(409);
            assertThat(blocked.code()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
            assertThat(events.of(productId)).hasSize(1);
        } finally {
            release.countDown();
            otherInstance.shutdownNow();
        }

        Response afterwards = addStock(productId, 5, key);
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
        assertThat(afterwards.header(REPLAYED)).isEmpty();
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType)
                                        .containsExactly("ProductCreatedEvent", "StockAddedEvent");
    }

    @Test
    void letsConcurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        String productId = createProduct();
        String key = newKey();
        int clients = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return addStock(productId, 5, key);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Response> successes = responses.stream().filter(response -> response.status() == 200).toList();
        assertThat(successes).filteredOn(response -> response.header(REPLAYED).isEmpty()).hasSize(1);
        assertThat(successes).extracting(Response::text).containsOnly(successes.get(0).text());
        assertThat(responses).filteredOn(response -> response.status() != 200)
                             .allSatisfy(response -> {
                                 assertThat(response.status()).as(response.toString()).isEqualTo(409);
                                 assertThat(response.code()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
                             });
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType)
                                        .containsExactly("ProductCreatedEvent", "StockAddedEvent");
        assertThat(addStock(productId, 5, key).text()).isEqualTo(successes.get(0).text());
    }

    @Test
    void retriesAConcurrencyConflictWithoutTrippingOverTheRolledBackKey() {
        String productId = createProduct();
        String key = newKey();
        otherWriter.interfereWith(productId, 1);

        Response first = shop.send("POST", "/api/products/" + productId + "/stock",
                                   "{\"quantity\": 5, \"reference\": \"ours\"}", KEY, key);
        Response repeat = shop.send("POST", "/api/products/" + productId + "/stock",
                                    "{\"quantity\": 5, \"reference\": \"ours\"}", KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.version()).isEqualTo(3);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header(REPLAYED)).hasValue("true");
        assertThat(events.of(productId)).extracting(event -> event.payload().path("reference").asText(null))
                                        .containsExactly(null, "other-writer", "ours");
    }

    @Test
    void leavesRequestsWithoutAKeyAsTheyWere() {
        String productId = createProduct();

        Response first = addStock(productId, 5, null);
        Response second = addStock(productId, 5, null);

        assertThat(first.version()).as(first.toString()).isEqualTo(2);
        assertThat(second.version()).as(second.toString()).isEqualTo(3);
        assertThat(second.header(REPLAYED)).isEmpty();
        assertThat(events.of(productId)).hasSize(3);
    }

    @Test
    void forgetsKeysAfterTheirTimeToLive() {
        String productId = createProduct();
        String key = newKey();
        assertThat(addStock(productId, 5, key).status()).isEqualTo(200);

        jdbc.update("UPDATE eventstore.idempotency_key SET created_at = now() - interval '25 hours' "
                    + "WHERE idempotency_key = ?", key);
        assertThat(store.find(new IdempotencyKey(key))).isEmpty();
        Response afterExpiry = addStock(productId, 5, key);
        assertThat(afterExpiry.version()).as(afterExpiry.toString()).isEqualTo(3);
        assertThat(afterExpiry.header(REPLAYED)).isEmpty();

        jdbc.update("UPDATE eventstore.idempotency_key SET created_at = now() - interval '25 hours' "
                    + "WHERE idempotency_key = ?", key);
        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM eventstore.idempotency_key WHERE idempotency_key = ?",
                                       Long.class, key)).isZero();
    }

    @Test
    void purgesAnyNumberOfExpiredKeysInChunksAndKeepsLiveOnes() {
        String prefix = "purge-" + UUID.randomUUID() + "-";
        // more than two of the purge's chunks of 5,000
        jdbc.update("INSERT INTO eventstore.idempotency_key "
                    + "(idempotency_key, fingerprint, response_status, response_body, created_at) "
                    + "SELECT ? || n, repeat('0', 64), 200, '{}', now() - interval '25 hours' "
                    + "FROM generate_series(1, 12001) AS n", prefix);
        jdbc.update("INSERT INTO eventstore.idempotency_key "
                    + "(idempotency_key, fingerprint, response_status, response_body) "
                    + "VALUES (? || 'live', repeat('0', 64), 200, '{}')", prefix);

        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(12001);

        assertThat(jdbc.queryForList("SELECT idempotency_key FROM eventstore.idempotency_key "
                                     + "WHERE idempotency_key LIKE ? || '%'", String.class, prefix))
                .containsExactly(prefix + "live");
    }

    private String createProduct() {
        String productId = "PROD-" + UUID.randomUUID();
        Response created = shop.post("/api/products", productJson(productId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return productId;
    }

    private Response addStock(String productId, int quantity, String key) {
        String path = "/api/products/" + productId + "/stock";
        String body = "{\"quantity\": " + quantity + ", \"reference\": \"restock\"}";
        return key == null ? shop.send("POST", path, body) : shop.send("POST", path, body, KEY, key);
    }

    private static String productJson(String productId) {
        return """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 10}"""
                .formatted(productId);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
