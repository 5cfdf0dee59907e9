package com.minkshop.command.config;

import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.common.Money;
import com.minkshop.command.ShopClient;
import com.minkshop.command.ShopClient.Response;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate cache on the real stack: it serves repeated commands, and it never decides on a stream another
 * command-service (here: an append that bypasses this service's repositories) has moved on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AggregateCacheIT {

    private static final String ADD_P1 = """
            {"productId": "P-1", "productName": "Widget", "quantity": 1, "unitPrice": 2.50}""";

    @LocalServerPort
    private int port;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private MeterRegistry meters;

    private ShopClient shop;

    @BeforeEach
    void client() {
        shop = new ShopClient(port);
    }

    @Test
    void servesACartsFollowingCommandsFromTheCache() {
        String cartId = createCart();
        double hitsBefore = cartCacheHits();

        for (int i = 1; i <= 3; i++) {
            Response added = shop.post("/api/carts/" + cartId + "/items", ADD_P1);
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            assertThat(added.version()).isEqualTo(i + 1);
            assertThat(added.data("itemCount").asInt()).isEqualTo(i);
        }

        assertThat(cartCacheHits() - hitsBefore).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reloadsACachedCartThatAnotherWriterHasMovedOn() {
        String cartId = createCart();
        assertThat(shop.post("/api/carts/" + cartId + "/items", ADD_P1).version()).isEqualTo(2);
        double staleBefore = staleCarts();

        // this instance's cache holds the cart up to sequence number 1
        appendForeign(new ItemAddedToCartEvent(cartId, "P-2", "Gadget", 1, Money.of(new BigDecimal("4.00")),
                                               Instant.now()), cartId, 2L);

        // the cached cart has no P-2 line and would answer ITEM_NOT_IN_CART
        Response changed = shop.send("PUT", "/api/carts/" + cartId + "/items/P-2", "{\"quantity\": 5}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.version()).isEqualTo(4);
        assertThat(staleCarts() - staleBefore).isEqualTo(1.0);

        Response added = shop.post("/api/carts/" + cartId + "/items", ADD_P1);
        assertThat(added.version()).isEqualTo(5);
        assertThat(added.data("itemCount").asInt()).isEqualTo(7);
        assertThat(added.amount("totalAmount")).isEqualByComparingTo("25.00");
    }

    @Test
    void retriesAnAppendDecidedOnACachedCartThatAnotherWriterHasMovedOn() {
        String cartId = createCart();
        assertThat(shop.post("/api/carts/" + cartId + "/items", ADD_P1).version()).isEqualTo(2);
        double staleBefore = staleCarts();
        appendForeign(new ItemAddedToCartEvent(cartId, "P-2", "Gadget", 1, Money.of(new BigDecimal("4.00")),
                                               Instant.now()), cartId, 2L);

        // the cached cart appends at sequence 2, which the other writer holds: the conflict is retried afresh
        Response added = shop.post("/api/carts/" + cartId + "/items", ADD_P1);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.version()).isEqualTo(4);
        assertThat(added.data("itemCount").asInt()).isEqualTo(3);
        assertThat(added.amount("totalAmount")).isEqualByComparingTo("9.00");
        assertThat(staleCarts() - staleBefore).isEqualTo(1.0);
    }

    @Test
    void checksACommandThatAppendsNothingOnACachedCart() {
        String cartId = createCart();
        assertThat(shop.post("/api/carts/" + cartId + "/items", ADD_P1).version()).isEqualTo(2);
        double staleBefore = staleCarts();
        appendForeign(new ItemQuantityChangedEvent(cartId, "P-1", 1, 5, Instant.now()), cartId, 2L);

        // the cached cart still holds quantity 1 and would answer "nothing to change" at version 2
        Response changed = shop.send("PUT", "/api/carts/" + cartId + "/items/P-1", "{\"quantity\": 1}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.version()).isEqualTo(4);
        assertThat(staleCarts() - staleBefore).isEqualTo(1.0);

        Response again = shop.send("PUT", "/api/carts/" + cartId + "/items/P-1", "{\"quantity\": 1}");
        assertThat(again.version()).as("a true no-op, from the cache").isEqualTo(4);
        assertThat(staleCarts() - staleBefore).isEqualTo(1.0);
    }

    /** What a second command-service on the same database would append, bypassing this instance's cache. */
    private void appendForeign(Object event, String cartId, long sequence) {
        eventStore.publish(new GenericDomainEventMessage<>("Cart", cartId, sequence, event));
    }

    private String createCart() {
        String cartId = "CART-" + UUID.randomUUID();
        Response created = shop.post("/api/carts", "{\"cartId\": \"" + cartId + "\", \"customerId\": \"CUST-1\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return cartId;
    }

    private double cartCacheHits() {
        FunctionCounter hits = meters.find("cache.gets")
                                     .tags("cache", AggregateRepositories.CACHE_NAME, "aggregate", "Cart",
                                           "result", "hit")
                                     .functionCounter();
        assertThat(hits).as("the cart cache's hit counter").isNotNull();
        return hits.count();
    }

    private double staleCarts() {
        return meters.get(AggregateRepositories.STALE_METRIC).tag("aggregate", "Cart").counter().count();
    }
}
