package com.minkshop.command.config;

import com.minkshop.command.ShopClient;
import com.minkshop.command.ShopClient.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code minkshop.event-store.engine=jpa} (what {@code ./shop bench --default-axon} runs): the service starts on
 * Axon's JPA engine over the Flyway tables and stores and loads aggregates with it.
 */
// a second application context in this JVM must leave the saga to the default one (see config.SagaConfig)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"minkshop.event-store.engine=jpa", "minkshop.sagas.auto-start=false"})
class JpaEventStorageEngineIT {

    @LocalServerPort
    private int port;
    @Autowired
    private EventStorageEngine engine;
    @Autowired
    private EventStore eventStore;

    @Test
    void storesAndLoadsCartsWithAxonsJpaEngine() {
        assertThat(engine).isInstanceOf(JpaEventStorageEngine.class);
        ShopClient shop = new ShopClient(port);
        String cartId = "CART-" + UUID.randomUUID();

        assertThat(shop.post("/api/carts", "{\"cartId\": \"" + cartId + "\", \"customerId\": \"CUST-1\"}").status())
                .isEqualTo(201);
        for (int i = 1; i <= 2; i++) {
            Response added = shop.post("/api/carts/" + cartId + "/items", """
                    {"productId": "P-1", "productName": "Widget", "quantity": 2, "unitPrice": 1.25}""");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            assertThat(added.version()).isEqualTo(i + 1);
            assertThat(added.data("itemCount").asInt()).isEqualTo(2 * i);
        }

        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(cartId).asStream().toList();
        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(stream).extracting(event -> event.getPayloadType().getSimpleName())
                          .containsExactly("CartCreatedEvent", "ItemAddedToCartEvent", "ItemQuantityChangedEvent");
    }
}
