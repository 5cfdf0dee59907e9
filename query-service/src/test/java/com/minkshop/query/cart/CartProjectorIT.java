package com.minkshop.query.cart;

import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartClearedEvent;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.CartItemSummary;
import com.minkshop.api.cart.CartLine;
import com.minkshop.api.cart.CartSummary;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.cart.ItemRemovedFromCartEvent;
import com.minkshop.api.common.Money;
import com.minkshop.query.consistency.ViewVersionTracker;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.ProjectorDriver;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CartProjectorIT {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    private CartProjector projector;
    @Autowired
    private CartQueries queries;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private CartViewRepository carts;
    @Autowired
    private ViewVersionTracker versions;

    private ProjectorDriver driver;
    private String id;

    @BeforeEach
    void setUp() {
        driver = new ProjectorDriver(projector, transactionManager);
        id = "CART-" + UUID.randomUUID();
    }

    @Test
    void newCartIsOpenAndEmpty() {
        driver.applyStream(id, created());

        CartSummary cart = view();
        assertThat(cart.customerId()).isEqualTo("CUST-001");
        assertThat(cart.status()).isEqualTo("open");
        assertThat(cart.items()).isEmpty();
        assertThat(cart.itemCount()).isZero();
        assertThat(cart.totalAmount()).isEqualTo(Money.of("0.00"));
        assertThat(cart.orderId()).isNull();
        assertThat(cart.createdAt()).isEqualTo(T0);
        assertThat(cart.version()).isEqualTo(1);
    }

    @Test
    void addedItemsKeepInsertionOrderWithSubtotals() {
        driver.applyStream(id, created(), widgets(2), gadget(1), new ItemAddedToCartEvent(
                id, "PROD-000", "Anvil", 1, Money.of("5.00"), T0.plusSeconds(3)));

        CartSummary cart = view();
        assertThat(cart.items()).containsExactly(
                new CartItemSummary("PROD-001", "Super Widget", 2, Money.of("29.99"), Money.of("59.98")),
                new CartItemSummary("PROD-002", "Gadget", 1, Money.of("10.50"), Money.of("10.50")),
                new CartItemSummary("PROD-000", "Anvil", 1, Money.of("5.00"), Money.of("5.00")));
        assertThat(cart.itemCount()).isEqualTo(4);
        assertThat(cart.totalAmount()).isEqualTo(Money.of("75.48"));
        assertThat(cart.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(cart.version()).isEqualTo(4);
    }

    @Test
    void quantityChangeUpdatesLineAndTotals() {
        driver.applyStream(id, created(), widgets(2), gadget(1),
                           new ItemQuantityChangedEvent(id, "PROD-001", 2, 5, T0.plusSeconds(9)));

        CartSummary cart = view();
        assertThat(cart.items().get(0).quantity()).isEqualTo(5);
        assertThat(cart.items().get(0).subtotal()).isEqualTo(Money.of("149.95"));
        assertThat(cart.itemCount()).isEqualTo(6);
        assertThat(cart.totalAmount()).isEqualTo(Money.of("160.45"));
    }

    @Test
    void removedItemLeavesTheOthersInOrder() {
        driver.applyStream(id, created(), widgets(2), gadget(1),
                           new ItemRemovedFromCartEvent(id, "PROD-001", T0.plusSeconds(9)));

        CartSummary cart = view();
        assertThat(cart.items()).extracting(CartItemSummary::productId).containsExactly("PROD-002");
        assertThat(cart.totalAmount()).isEqualTo(Money.of("10.50"));
        assertThat(cart.version()).isEqualTo(4);
    }

    @Test
    void clearedCartIsEmptyButOpen() {
        driver.applyStream(id, created(), widgets(2), new CartClearedEvent(id, "user_action", T0.plusSeconds(5)));

        CartSummary cart = view();
        assertThat(cart.items()).isEmpty();
        assertThat(cart.itemCount()).isZero();
        assertThat(cart.totalAmount()).isEqualTo(Money.of("0.00"));
        assertThat(cart.status()).isEqualTo("open");
    }

    @Test
    void checkedOutCartRecordsTheOrder() {
        driver.applyStream(id, created(), widgets(2), checkedOut());

        CartSummary cart = view();
        assertThat(cart.status()).isEqualTo("checked_out");
        assertThat(cart.orderId()).isEqualTo("ORDER-001");
        assertThat(cart.totalAmount()).isEqualTo(Money.of("59.98"));
        assertThat(cart.items()).hasSize(1);
        assertThat(cart.updatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(cart.version()).isEqualTo(3);
    }

    @Test
    void replayedEventsDoNotChangeTheView() {
        Object[] stream = {created(), widgets(2), gadget(1),
                new ItemQuantityChangedEvent(id, "PROD-002", 1, 3, T0.plusSeconds(4)),
                new ItemRemovedFromCartEvent(id, "PROD-002", T0.plusSeconds(5)),
                gadget(2),
                new CartClearedEvent(id, "user_action", T0.plusSeconds(7)),
                widgets(2),
                checkedOut()};
        driver.applyStream(id, stream);
        CartSummary live = view();

        driver.applyStream(id, stream);
        driver.apply(id, 1, stream[1]);

        assertThat(view()).isEqualTo(live);
        assertThat(live.version()).isEqualTo(9);
    }

    @Test
    void aCartCreatedAndFilledInOneBatchIsStoredInItsFinalState() {
        driver.applyBatch(id, created(), widgets(2), gadget(1),
                          new ItemQuantityChangedEvent(id, "PROD-001", 2, 3, T0.plusSeconds(3)));

        CartSummary cart = view();
        assertThat(cart.items()).extracting(CartItemSummary::productId).containsExactly("PROD-001", "PROD-002");
        assertThat(cart.items().get(0).quantity()).isEqualTo(3);
        assertThat(cart.totalAmount()).isEqualTo(Money.of("100.47"));
        assertThat(cart.version()).isEqualTo(4);

        // delivered again, in a batch or alone, nothing changes
        driver.applyBatch(id, created(), widgets(2));
        driver.apply(id, 0, created());
        assertThat(view()).isEqualTo(cart);
    }

    @Test
    void aProcessorBatchReadsItsStoredCartsInOneQuery() {
        String stored = "CART-" + UUID.randomUUID();
        driver.applyStream(stored, new CartCreatedEvent(stored, "CUST-001", T0));
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        batch.add(new GenericDomainEventMessage<>("Cart", stored, 1, new ItemAddedToCartEvent(
                stored, "PROD-001", "Widget", 1, Money.of("1.00"), T0)));
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String cart = "CART-" + UUID.randomUUID();
            fresh.add(cart);
            batch.add(new GenericDomainEventMessage<>("Cart", cart, 0, new CartCreatedEvent(cart, "CUST-001", T0)));
        }
        Map<String, Integer> reads = new ConcurrentHashMap<>();
        CartViewRepository counting = (CartViewRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{CartViewRepository.class}, (proxy, method, args) -> {
                    reads.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(carts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        new ProjectorDriver(new CartProjector(counting, versions), transactionManager).applyProcessorBatch(batch);

        // one query for the six carts of the batch, none per event
        assertThat(reads).containsEntry("findAllById", 1).doesNotContainKey("findById");
        assertThat(queries.find(stored)).hasValueSatisfying(cart -> assertThat(cart.version()).isEqualTo(2));
        fresh.forEach(cart -> assertThat(queries.find(cart)).hasValueSatisfying(
                view -> assertThat(view.version()).isEqualTo(1)));
    }

    @Test
    void eventsForUnknownCartOrLineFail() {
        assertThatThrownBy(() -> driver.apply(id, 1, widgets(1))).isInstanceOf(IllegalStateException.class);

        driver.applyStream(id, created());
        assertThatThrownBy(() -> driver.apply(id, 1, new ItemRemovedFromCartEvent(id, "PROD-404", T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROD-404");
        assertThat(view().version()).isEqualTo(1);
    }

    private CartCreatedEvent created() {
        return new CartCreatedEvent(id, "CUST-001", T0);
    }

    private ItemAddedToCartEvent widgets(int quantity) {
        return new ItemAddedToCartEvent(id, "PROD-001", "Super Widget", quantity, Money.of("29.99"),
                                        T0.plusSeconds(1));
    }

    private ItemAddedToCartEvent gadget(int quantity) {
        return new ItemAddedToCartEvent(id, "PROD-002", "Gadget", quantity, Money.of("10.50"), T0.plusSeconds(2));
    }

    private CartCheckedOutEvent checkedOut() {
        return new CartCheckedOutEvent(id, "ORDER-001",
                                       List.of(new CartLine("PROD-001", "Super Widget", 2, Money.of("29.99"))),
                                       Money.of("59.98"), T0.plusSeconds(30));
    }

    private CartSummary view() {
        return queries.find(id).orElseThrow();
    }
}
