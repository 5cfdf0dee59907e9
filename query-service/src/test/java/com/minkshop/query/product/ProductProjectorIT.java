package com.minkshop.query.product;

import com.minkshop.api.common.Money;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.ProductSummary;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.ProjectorDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ProductProjectorIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    private ProductProjector projector;
    @Autowired
    private ProductQueries queries;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private ProjectorDriver driver;
    private String id;

    @BeforeEach
    void setUp() {
        driver = new ProjectorDriver(projector, transactionManager);
        id = "PROD-" + UUID.randomUUID();
    }

    @Test
    void createdProductIsListedWithItsOpeningStock() {
        driver.applyStream(id, created(100));

        ProductSummary view = view();
        assertThat(view.sku()).isEqualTo("WIDGET-001");
        assertThat(view.name()).isEqualTo("Super Widget");
        assertThat(view.description()).isEqualTo("The best widget money can buy");
        assertThat(view.price()).isEqualTo(Money.of("29.99"));
        assertThat(view.availableStock()).isEqualTo(100);
        assertThat(view.reservedStock()).isZero();
        assertThat(view.available()).isTrue();
        assertThat(view.discontinued()).isFalse();
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(T0);
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void productWithoutStockIsNotAvailable() {
        driver.applyStream(id, created(0));

        assertThat(view().available()).isFalse();
    }

    @Test
    void priceChangeUpdatesPriceAndTime() {
        driver.applyStream(id, created(10),
                           new PriceChangedEvent(id, Money.of("29.99"), Money.of("24.50"), "promotion",
                                                 T0.plusSeconds(60)));

        ProductSummary view = view();
        assertThat(view.price()).isEqualTo(Money.of("24.50"));
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void stockMovesThroughAddReserveReleaseAndShip() {
        driver.applyStream(id, created(5),
                           new StockAddedEvent(id, 20, "PO-1", T0.plusSeconds(1)),
                           new StockReservedEvent(id, 10, "ORDER-1", T0.plusSeconds(2)),
                           new StockReservedEvent(id, 3, "ORDER-2", T0.plusSeconds(3)));
        assertThat(view()).extracting(ProductSummary::availableStock, ProductSummary::reservedStock)
                          .containsExactly(12, 13);

        driver.apply(id, 4, new StockReleasedEvent(id, 3, "ORDER-2", "order_cancelled", T0.plusSeconds(4)));
        assertThat(view()).extracting(ProductSummary::availableStock, ProductSummary::reservedStock)
                          .containsExactly(15, 10);

        driver.apply(id, 5, new StockShippedEvent(id, 10, "ORDER-1", T0.plusSeconds(5)));
        ProductSummary view = view();
        assertThat(view).extracting(ProductSummary::availableStock, ProductSummary::reservedStock)
                        .containsExactly(15, 0);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(view.version()).isEqualTo(6);
    }

    @Test
    void reservingTheLastUnitsMakesTheProductUnavailable() {
        driver.applyStream(id, created(2), new StockReservedEvent(id, 2, "ORDER-1", T0.plusSeconds(1)));

        assertThat(view().available()).isFalse();
    }

    @Test
    void discontinuedProductIsNeverAvailable() {
        driver.applyStream(id, created(50), new ProductDiscontinuedEvent(id, "recalled", T0.plusSeconds(9)));

        ProductSummary view = view();
        assertThat(view.discontinued()).isTrue();
        assertThat(view.available()).isFalse();
        assertThat(view.availableStock()).isEqualTo(50);
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void replayedEventsDoNotChangeTheView() {
        Object[] stream = {created(5),
                new PriceChangedEvent(id, Money.of("29.99"), Money.of("19.99"), "sale", T0.plusSeconds(1)),
                new StockAddedEvent(id, 7, "PO-2", T0.plusSeconds(2)),
                new StockReservedEvent(id, 4, "ORDER-9", T0.plusSeconds(3)),
                new StockReleasedEvent(id, 4, "ORDER-9", "timeout", T0.plusSeconds(4)),
                new StockReservedEvent(id, 2, "ORDER-10", T0.plusSeconds(5)),
                new StockShippedEvent(id, 2, "ORDER-10", T0.plusSeconds(6)),
                new ProductDiscontinuedEvent(id, "end of line", T0.plusSeconds(7))};
        driver.applyStream(id, stream);
        ProductSummary live = view();

        driver.applyStream(id, stream);
        driver.apply(id, 3, stream[3]);

        assertThat(view()).isEqualTo(live);
        assertThat(live.availableStock()).isEqualTo(10);
        assertThat(live.version()).isEqualTo(8);
    }

    @Test
    void eventForUnknownProductFailsSoItCanBeDeadLettered() {
        assertThatThrownBy(() -> driver.apply(id, 1, new StockAddedEvent(id, 1, "PO", T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id);
        assertThat(queries.find(id)).isEmpty();
    }

    @Test
    void resetClearsTheCatalog() {
        driver.applyStream(id, created(1));

        driver.reset();

        assertThat(queries.find(id)).isEmpty();
    }

    private ProductCreatedEvent created(int stock) {
        return new ProductCreatedEvent(id, "WIDGET-001", "Super Widget", "The best widget money can buy",
                                       Money.of("29.99"), stock, T0);
    }

    private ProductSummary view() {
        return queries.find(id).orElseThrow();
    }
}
