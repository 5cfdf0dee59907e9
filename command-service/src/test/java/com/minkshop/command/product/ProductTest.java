package com.minkshop.command.product;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.ChangePriceCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.DiscontinueProductCommand;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockShippedEvent;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.minkshop.command.product.Product.MAX_STOCK_ON_HAND;
import static com.minkshop.command.product.ProductTestData.CLOCK;
import static com.minkshop.command.product.ProductTestData.DESCRIPTION;
import static com.minkshop.command.product.ProductTestData.INITIAL_STOCK;
import static com.minkshop.command.product.ProductTestData.NAME;
import static com.minkshop.command.product.ProductTestData.NEW_PRICE;
import static com.minkshop.command.product.ProductTestData.NOW;
import static com.minkshop.command.product.ProductTestData.ORDER_ID;
import static com.minkshop.command.product.ProductTestData.OTHER_ORDER_ID;
import static com.minkshop.command.product.ProductTestData.PRICE;
import static com.minkshop.command.product.ProductTestData.PRODUCT_ID;
import static com.minkshop.command.product.ProductTestData.SKU;
import static com.minkshop.command.product.ProductTestData.created;
import static com.minkshop.command.product.ProductTestData.reserved;

class ProductTest {

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(CLOCK);
    }

    // --- CreateProduct ---

    @Test
    void canCreateProduct() {
        fixture.givenNoPriorActivity()
               .when(new CreateProductCommand(PRODUCT_ID, SKU, NAME, DESCRIPTION, PRICE, INITIAL_STOCK))
               .expectSuccessfulHandlerExecution()
               .expectEvents(created())
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 1));
    }

    @Test
    void canCreateProductWithoutStock() {
        fixture.givenNoPriorActivity()
               .when(new CreateProductCommand(PRODUCT_ID, SKU, NAME, DESCRIPTION, PRICE, 0))
               .expectEvents(new ProductCreatedEvent(PRODUCT_ID, SKU, NAME, DESCRIPTION, Money.of(PRICE), 0, NOW));
    }

    @Test
    void cannotChangeUnknownProduct() {
        fixture.givenNoPriorActivity()
               .when(new ChangePriceCommand(PRODUCT_ID, NEW_PRICE, "promotion"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    // --- ChangePrice ---

    @Test
    void canChangePrice() {
        fixture.given(created())
               .when(new ChangePriceCommand(PRODUCT_ID, NEW_PRICE, "promotion"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PriceChangedEvent(PRODUCT_ID, Money.of(PRICE), Money.of(NEW_PRICE), "promotion", NOW))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 2));
    }

    @Test
    void changingToSamePriceDoesNothing() {
        fixture.given(created())
               .when(new ChangePriceCommand(PRODUCT_ID, new BigDecimal("29.990"), "no change"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 1));
    }

    @Test
    void changedPriceIsTheBaseForTheNextChange() {
        fixture.given(created(), new PriceChangedEvent(PRODUCT_ID, Money.of(PRICE), Money.of(NEW_PRICE), "sale", NOW))
               .when(new ChangePriceCommand(PRODUCT_ID, PRICE, "sale over"))
               .expectEvents(new PriceChangedEvent(PRODUCT_ID, Money.of(NEW_PRICE), Money.of(PRICE), "sale over", NOW));
    }

    @Test
    void cannotChangePriceOfDiscontinuedProduct() {
        fixture.given(created(), new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .when(new ChangePriceCommand(PRODUCT_ID, NEW_PRICE, "promotion"))
               .expectException(ProductDiscontinuedException.class)
               .expectExceptionMessage("product PROD-001 is discontinued")
               .expectNoEvents();
    }

    // --- AddStock ---

    @Test
    void canAddStock() {
        fixture.given(created())
               .when(new AddStockCommand(PRODUCT_ID, 5, "PO-123"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockAddedEvent(PRODUCT_ID, 5, "PO-123", NOW))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 2));
    }

    @Test
    void addedStockCanBeReserved() {
        fixture.given(created(), new StockAddedEvent(PRODUCT_ID, 5, "PO-123", NOW))
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, INITIAL_STOCK + 5))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reserved(ORDER_ID, INITIAL_STOCK + 5));
    }

    @Test
    void cannotAddStockToDiscontinuedProduct() {
        fixture.given(created(), new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .when(new AddStockCommand(PRODUCT_ID, 5, "PO-123"))
               .expectException(ProductDiscontinuedException.class)
               .expectNoEvents();
    }

    @Test
    void canAddStockUpToTheLimitOnHand() {
        fixture.given(created(), new StockAddedEvent(PRODUCT_ID, fillUpTo(MAX_STOCK_ON_HAND - 5), "PO-1", NOW))
               .when(new AddStockCommand(PRODUCT_ID, 5, "PO-2"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockAddedEvent(PRODUCT_ID, 5, "PO-2", NOW));
    }

    @Test
    void cannotAddStockBeyondTheLimitOnHand() {
        fixture.given(created(), new StockAddedEvent(PRODUCT_ID, fillUpTo(MAX_STOCK_ON_HAND - 5), "PO-1", NOW))
               .when(new AddStockCommand(PRODUCT_ID, 6, "PO-2"))
               .expectException(StockLimitExceededException.class)
               .expectExceptionMessage("product PROD-001 cannot take 6 more units: it holds 999999995 (available and "
                                       + "reserved), at most 1000000000 are allowed")
               .expectNoEvents();
    }

    @Test
    void reservedStockCountsTowardsTheLimit() {
        fixture.given(created(), new StockAddedEvent(PRODUCT_ID, fillUpTo(MAX_STOCK_ON_HAND), "PO-1", NOW),
                      reserved(ORDER_ID, 500))
               .when(new AddStockCommand(PRODUCT_ID, 1, "PO-2"))
               .expectException(StockLimitExceededException.class)
               .expectNoEvents();
    }

    @Test
    void shippedStockMakesRoomUnderTheLimit() {
        fixture.given(created(), new StockAddedEvent(PRODUCT_ID, fillUpTo(MAX_STOCK_ON_HAND), "PO-1", NOW),
                      reserved(ORDER_ID, 500), new StockShippedEvent(PRODUCT_ID, 500, ORDER_ID, NOW))
               .when(new AddStockCommand(PRODUCT_ID, 500, "PO-2"))
               .expectEvents(new StockAddedEvent(PRODUCT_ID, 500, "PO-2", NOW));
    }

    // --- ReserveStock ---

    @Test
    void canReserveAvailableStock() {
        fixture.given(created())
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reserved(ORDER_ID, 2))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 2));
    }

    @Test
    void canReserveAllAvailableStock() {
        fixture.given(created())
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, INITIAL_STOCK))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reserved(ORDER_ID, INITIAL_STOCK));
    }

    @Test
    void cannotReserveMoreThanAvailable() {
        fixture.given(created())
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, INITIAL_STOCK + 1))
               .expectException(InsufficientStockException.class)
               .expectExceptionMessage("insufficient stock for product PROD-001: requested 11, available 10")
               .expectNoEvents();
    }

    @Test
    void cannotReserveStockHeldForAnotherOrder() {
        fixture.given(created(), reserved(OTHER_ORDER_ID, 8))
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 3))
               .expectException(InsufficientStockException.class)
               .expectExceptionMessage("insufficient stock for product PROD-001: requested 3, available 2")
               .expectNoEvents();
    }

    @Test
    void cannotReserveStockOfDiscontinuedProduct() {
        fixture.given(created(), new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 1))
               .expectException(ProductDiscontinuedException.class)
               .expectNoEvents();
    }

    @Test
    void secondReservationForSameOrderAccumulates() {
        fixture.given(created(), reserved(ORDER_ID, 3))
               .when(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reserved(ORDER_ID, 2))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 3));
    }

    // --- ReleaseStock ---

    @Test
    void canReleaseReservation() {
        fixture.given(created(), reserved(ORDER_ID, 3))
               .when(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "order_cancelled"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockReleasedEvent(PRODUCT_ID, 3, ORDER_ID, "order_cancelled", NOW))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 3));
    }

    @Test
    void releaseGivesBackTheWholeAccumulatedReservation() {
        fixture.given(created(), reserved(ORDER_ID, 3), reserved(ORDER_ID, 2), reserved(OTHER_ORDER_ID, 1))
               .when(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "timeout"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockReleasedEvent(PRODUCT_ID, 5, ORDER_ID, "timeout", NOW));
    }

    @Test
    void releasedStockIsAvailableAgain() {
        fixture.given(created(), reserved(ORDER_ID, 3), reserved(ORDER_ID, 2),
                      new StockReleasedEvent(PRODUCT_ID, 5, ORDER_ID, "timeout", NOW))
               .when(new ReserveStockCommand(PRODUCT_ID, OTHER_ORDER_ID, INITIAL_STOCK))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reserved(OTHER_ORDER_ID, INITIAL_STOCK));
    }

    @Test
    void canReleaseStockOfDiscontinuedProduct() {
        fixture.given(created(), reserved(ORDER_ID, 3), new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .when(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "order_cancelled"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockReleasedEvent(PRODUCT_ID, 3, ORDER_ID, "order_cancelled", NOW));
    }

    @Test
    void cannotReleaseUnknownReservation() {
        fixture.given(created(), reserved(OTHER_ORDER_ID, 3))
               .when(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "order_cancelled"))
               .expectException(ReservationNotFoundException.class)
               .expectExceptionMessage("reservation not found for order ORDER-001 on product PROD-001")
               .expectNoEvents();
    }

    @Test
    void cannotReleaseReservationTwice() {
        fixture.given(created(), reserved(ORDER_ID, 3),
                      new StockReleasedEvent(PRODUCT_ID, 3, ORDER_ID, "order_cancelled", NOW))
               .when(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "order_cancelled"))
               .expectException(ReservationNotFoundException.class)
               .expectNoEvents();
    }

    // --- ShipStock ---

    @Test
    void canShipReservedStock() {
        fixture.given(created(), reserved(ORDER_ID, 3), reserved(ORDER_ID, 1))
               .when(new ShipStockCommand(PRODUCT_ID, ORDER_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StockShippedEvent(PRODUCT_ID, 4, ORDER_ID, NOW))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 4));
    }

    @Test
    void shippedStockDoesNotReturnToAvailable() {
        fixture.given(created(), reserved(ORDER_ID, 4), new StockShippedEvent(PRODUCT_ID, 4, ORDER_ID, NOW))
               .when(new ReserveStockCommand(PRODUCT_ID, OTHER_ORDER_ID, 7))
               .expectException(InsufficientStockException.class)
               .expectExceptionMessage("insufficient stock for product PROD-001: requested 7, available 6")
               .expectNoEvents();
    }

    @Test
    void cannotShipUnknownReservation() {
        fixture.given(created())
               .when(new ShipStockCommand(PRODUCT_ID, ORDER_ID))
               .expectException(ReservationNotFoundException.class)
               .expectNoEvents();
    }

    @Test
    void cannotShipReservationTwice() {
        fixture.given(created(), reserved(ORDER_ID, 4), new StockShippedEvent(PRODUCT_ID, 4, ORDER_ID, NOW))
               .when(new ShipStockCommand(PRODUCT_ID, ORDER_ID))
               .expectException(ReservationNotFoundException.class)
               .expectNoEvents();
    }

    // --- DiscontinueProduct ---

    @Test
    void canDiscontinueProduct() {
        fixture.given(created())
               .when(new DiscontinueProductCommand(PRODUCT_ID, "end of line"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 2));
    }

    @Test
    void discontinuingTwiceDoesNothing() {
        fixture.given(created(), new ProductDiscontinuedEvent(PRODUCT_ID, "end of line", NOW))
               .when(new DiscontinueProductCommand(PRODUCT_ID, "again"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(PRODUCT_ID, 2));
    }

    @Test
    void cannotDiscontinueUnknownProduct() {
        fixture.givenNoPriorActivity()
               .when(new DiscontinueProductCommand(PRODUCT_ID, "end of line"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    // the StockAdded quantity that brings the created product's stock to the given total
    private static int fillUpTo(int total) {
        return total - INITIAL_STOCK;
    }
}
