package com.minkshop.command;

import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import com.minkshop.command.config.CommandProperties;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forces real optimistic-concurrency conflicts on PostgreSQL: right after our handler decided, and before our
 * commit, "another service instance" appends the same sequence number to the aggregate's stream (a plain JDBC
 * insert on its own connection). Our append then hits the unique key, exactly as with two JVMs.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "minkshop.sagas.auto-start=false")
@Import(ConcurrencyConflictIT.OtherWriterConfig.class)
class ConcurrencyConflictIT {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private OtherWriter otherWriter;
    @Autowired
    private CommandProperties properties;

    private ShopClient shop;
    private StoredEvents events;

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
        events = new StoredEvents(jdbc);
    }

    @Test
    void retriesACommandThatLostTheRaceAndAppliesItOnTheNewState() {
        String productId = createProduct();
        otherWriter.interfereWith(productId, 1);

        Response response = shop.post("/api/products/" + productId + "/stock",
                                      "{\"quantity\": 5, \"reference\": \"ours\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        // created, the other writer's event, then ours: the retry reloaded the aggregate
        assertThat(response.version()).isEqualTo(3);
        assertThat(events.of(productId)).extracting(event -> event.payload().path("reference").asText(null))
                                        .containsExactly(null, "other-writer", "ours");
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWith409AndWritesNothing() {
        String productId = createProduct();
        otherWriter.interfereWith(productId, Integer.MAX_VALUE);

        Response response = shop.post("/api/products/" + productId + "/stock",
                                      "{\"quantity\": 5, \"reference\": \"ours\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(events.of(productId)).extracting(event -> event.payload().path("reference").asText(null))
                                        .doesNotContain("ours")
                                        .filteredOn("other-writer"::equals)
                                        .hasSize(1 + properties.maxRetries());
    }

    @Test
    void turnsALostRaceToCreateTheSameProductIntoAlreadyExists() {
        String productId = "PROD-" + UUID.randomUUID();
        otherWriter.interfereWith(productId, 1);

        Response response = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 10}"""
                .formatted(productId));

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("PRODUCT_ALREADY_EXISTS");
        assertThat(events.of(productId)).extracting(StoredEvent::simpleType).containsExactly("ProductCreatedEvent");
    }

    private String createProduct() {
        String productId = "PROD-" + UUID.randomUUID();
        Response created = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 10}"""
                .formatted(productId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return productId;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherWriterConfig {

        @Bean
        OtherWriter otherWriter(DataSource dataSource) {
            return new OtherWriter(dataSource);
        }
    }

    /**
     * Innermost handler interceptor: runs after the aggregate decided but before the unit of work commits, which is
     * where the JPA engine appends the events.
     */
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class OtherWriter implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final DataSource dataSource;
        private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();

        OtherWriter(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        void interfereWith(String productId, int times) {
            remaining.put(productId, new AtomicInteger(times));
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            Object command = unitOfWork.getMessage().getPayload();
            if (command instanceof AddStockCommand addStock && takeTurn(addStock.productId())) {
                append(addStock.productId(), "com.minkshop.api.product.StockAddedEvent", """
                        {"productId": "%s", "quantity": 1000, "reference": "other-writer", "addedAt": "%s"}"""
                        .formatted(addStock.productId(), Instant.now()));
            } else if (command instanceof CreateProductCommand create && takeTurn(create.productId())) {
                append(create.productId(), "com.minkshop.api.product.ProductCreatedEvent", """
                        {"productId": "%s", "sku": "OTHER", "name": "Other", "description": null, "price": 1.00,
                         "initialStock": 1, "createdAt": "%s"}""".formatted(create.productId(), Instant.now()));
            }
            return result;
        }

        private boolean takeTurn(String aggregateId) {
            AtomicInteger turns = remaining.get(aggregateId);
            return turns != null && turns.getAndDecrement() > 0;
        }

        /**
         * Commits on a pool connection of its own. (A JdbcTemplate would join the command's transaction, which
         * Spring binds to this thread, and the insert would roll back with the command.)
         */
        private void append(String aggregateId, String payloadType, String json) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO eventstore.domain_event_entry (aggregate_identifier, sequence_number, type,
                             event_identifier, meta_data, payload, payload_type, time_stamp)
                         SELECT ?, coalesce(max(sequence_number) + 1, 0), 'Product', ?, ?, ?, ?, ?
                         FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?""")) {
                connection.setAutoCommit(true);
                insert.setString(1, aggregateId);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, json.getBytes(StandardCharsets.UTF_8));
                insert.setString(5, payloadType);
                insert.setString(6, Instant.now().toString());
                insert.setString(7, aggregateId);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
