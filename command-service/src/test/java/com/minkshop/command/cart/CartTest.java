package com.minkshop.command.cart;

import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartClearedEvent;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.ClearCartCommand;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.cart.ItemRemovedFromCartEvent;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.minkshop.command.cart.CartTestData.CART_ID;
import static com.minkshop.command.cart.CartTestData.CLOCK;
import static com.minkshop.command.cart.CartTestData.CUSTOMER_ID;
import static com.minkshop.command.cart.CartTestData.NOW;
import static com.minkshop.command.cart.CartTestData.ORDER_ID;
import static com.minkshop.command.cart.CartTestData.OTHER_PRODUCT_ID;
import static com.minkshop.command.cart.CartTestData.OTHER_PRODUCT_NAME;
import static com.minkshop.command.cart.CartTestData.OTHER_UNIT_PRICE;
import static com.minkshop.command.cart.CartTestData.PRODUCT_ID;
import static com.minkshop.command.cart.CartTestData.PRODUCT_NAME;
import static com.minkshop.command.cart.CartTestData.UNIT_PRICE;
import static com.minkshop.command.cart.CartTestData.checkedOut;
import static com.minkshop.command.cart.CartTestData.created;
import static com.minkshop.command.cart.CartTestData.gadgets;
import static com.minkshop.command.cart.CartTestData.gadgetsAdded;
import static com.minkshop.command.cart.CartTestData.widgets;
import static com.minkshop.command.cart.CartTestData.widgetsAdded;

class CartTest {

    private FixtureConfiguration<Cart> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cart.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static CommandResult addResult(long version, int itemCount, String totalAmount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemCount", itemCount);
        data.put("totalAmount", Money.of(totalAmount));
        return new CommandResult(CART_ID, version, data);
    }

    // --- CreateCart ---

    @Test
    void canCreateCart() {
        fixture.givenNoPriorActivity()
               .when(new CreateCartCommand(CART_ID, CUSTOMER_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(created())
               .expectResultMessagePayload(CommandResult.of(CART_ID, 1));
    }

    @Test
    void cannotAddToUnknownCart() {
        fixture.givenNoPriorActivity()
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    // --- AddToCart ---

    @Test
    void canAddItemToOpenCart() {
        fixture.given(created())
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 2, UNIT_PRICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(widgetsAdded(2))
               .expectResultMessagePayload(addResult(2, 2, "59.98"));
    }

    @Test
    void canAddFreeItem() {
        fixture.given(created())
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, BigDecimal.ZERO))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(addResult(2, 1, "0.00"));
    }

    @Test
    void addingAnotherProductSumsAllLines() {
        fixture.given(created(), widgetsAdded(2))
               .when(new AddToCartCommand(CART_ID, OTHER_PRODUCT_ID, OTHER_PRODUCT_NAME, 3, OTHER_UNIT_PRICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(gadgetsAdded(3))
               .expectResultMessagePayload(addResult(3, 5, "89.98"));
    }

    @Test
    void addingKnownProductIncreasesItsQuantityAtTheOriginalPrice() {
        fixture.given(created(), widgetsAdded(1))
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, "Renamed Widget", 2, new BigDecimal("1.00")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ItemQuantityChangedEvent(CART_ID, PRODUCT_ID, 1, 3, NOW))
               .expectResultMessagePayload(addResult(3, 3, "89.97"));
    }

    @Test
    void cannotAddToCheckedOutCart() {
        fixture.given(created(), widgetsAdded(2), checkedOut())
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE))
               .expectException(CartAlreadyCheckedOutException.class)
               .expectExceptionMessage("cart CART-001 already checked out")
               .expectNoEvents();
    }

    // --- ChangeItemQuantity ---

    @Test
    void canChangeItemQuantity() {
        fixture.given(created(), widgetsAdded(2))
               .when(new ChangeItemQuantityCommand(CART_ID, PRODUCT_ID, 5))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ItemQuantityChangedEvent(CART_ID, PRODUCT_ID, 2, 5, NOW))
               .expectResultMessagePayload(CommandResult.of(CART_ID, 3));
    }

    @Test
    void changingQuantityToZeroRemovesItem() {
        fixture.given(created(), widgetsAdded(2))
               .when(new ChangeItemQuantityCommand(CART_ID, PRODUCT_ID, 0))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ItemRemovedFromCartEvent(CART_ID, PRODUCT_ID, NOW));
    }

    @Test
    void changingToSameQuantityDoesNothing() {
        fixture.given(created(), widgetsAdded(2))
               .when(new ChangeItemQuantityCommand(CART_ID, PRODUCT_ID, 2))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(CART_ID, 2));
    }

    @Test
    void cannotChangeQuantityOfItemNotInCart() {
        fixture.given(created(), widgetsAdded(2))
               .when(new ChangeItemQuantityCommand(CART_ID, OTHER_PRODUCT_ID, 1))
               .expectException(ItemNotInCartException.class)
               .expectExceptionMessage("item PROD-002 not in cart CART-001")
               .expectNoEvents();
    }

    @Test
    void cannotChangeQuantityOfRemovedItem() {
        fixture.given(created(), widgetsAdded(2), new ItemRemovedFromCartEvent(CART_ID, PRODUCT_ID, NOW))
               .when(new ChangeItemQuantityCommand(CART_ID, PRODUCT_ID, 1))
               .expectException(ItemNotInCartException.class)
               .expectNoEvents();
    }

    @Test
    void cannotChangeQuantityInCheckedOutCart() {
        fixture.given(created(), widgetsAdded(2), checkedOut())
               .when(new ChangeItemQuantityCommand(CART_ID, PRODUCT_ID, 1))
               .expectException(CartAlreadyCheckedOutException.class)
               .expectNoEvents();
    }

    // --- RemoveFromCart ---

    @Test
    void canRemoveItem() {
        fixture.given(created(), widgetsAdded(2))
               .when(new RemoveFromCartCommand(CART_ID, PRODUCT_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ItemRemovedFromCartEvent(CART_ID, PRODUCT_ID, NOW))
               .expectResultMessagePayload(CommandResult.of(CART_ID, 3));
    }

    @Test
    void removedItemCanBeAddedAgainAsNewLine() {
        fixture.given(created(), widgetsAdded(2), new ItemRemovedFromCartEvent(CART_ID, PRODUCT_ID, NOW))
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE))
               .expectSuccessfulHandlerExecution()
               .expectEvents(widgetsAdded(1))
               .expectResultMessagePayload(addResult(4, 1, "29.99"));
    }

    @Test
    void cannotRemoveItemNotInCart() {
        fixture.given(created())
               .when(new RemoveFromCartCommand(CART_ID, PRODUCT_ID))
               .expectException(ItemNotInCartException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRemoveFromCheckedOutCart() {
        fixture.given(created(), widgetsAdded(2), checkedOut())
               .when(new RemoveFromCartCommand(CART_ID, PRODUCT_ID))
               .expectException(CartAlreadyCheckedOutException.class)
               .expectNoEvents();
    }

    // --- ClearCart ---

    @Test
    void canClearCart() {
        fixture.given(created(), widgetsAdded(2), gadgetsAdded(1))
               .when(new ClearCartCommand(CART_ID, "user_action"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CartClearedEvent(CART_ID, "user_action", NOW))
               .expectResultMessagePayload(CommandResult.of(CART_ID, 4));
    }

    @Test
    void clearingEmptyCartDoesNothing() {
        fixture.given(created())
               .when(new ClearCartCommand(CART_ID, "user_action"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(CART_ID, 1));
    }

    @Test
    void clearingClearedCartDoesNothing() {
        fixture.given(created(), widgetsAdded(2), new CartClearedEvent(CART_ID, "user_action", NOW))
               .when(new ClearCartCommand(CART_ID, "user_action"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotClearCheckedOutCart() {
        fixture.given(created(), widgetsAdded(2), checkedOut())
               .when(new ClearCartCommand(CART_ID, "user_action"))
               .expectException(CartAlreadyCheckedOutException.class)
               .expectNoEvents();
    }

    // --- CheckoutCart ---

    @Test
    void canCheckOutCart() {
        fixture.given(created(), widgetsAdded(2))
               .when(new CheckoutCartCommand(CART_ID, ORDER_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(checkedOut())
               .expectResultMessagePayload(new CommandResult(CART_ID, 3, Map.of("orderId", ORDER_ID)));
    }

    @Test
    void checkoutListsLinesInTheOrderTheyWereAdded() {
        fixture.given(created(), gadgetsAdded(1), widgetsAdded(2),
                      new ItemQuantityChangedEvent(CART_ID, OTHER_PRODUCT_ID, 1, 4, NOW))
               .when(new CheckoutCartCommand(CART_ID, ORDER_ID))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CartCheckedOutEvent(CART_ID, ORDER_ID, List.of(gadgets(4), widgets(2)),
                                                     Money.of("99.98"), NOW));
    }

    @Test
    void cannotCheckOutEmptyCart() {
        fixture.given(created())
               .when(new CheckoutCartCommand(CART_ID, ORDER_ID))
               .expectException(CartEmptyException.class)
               .expectExceptionMessage("cart CART-001 is empty")
               .expectNoEvents();
    }

    @Test
    void cannotCheckOutClearedCart() {
        fixture.given(created(), widgetsAdded(2), new CartClearedEvent(CART_ID, "user_action", NOW))
               .when(new CheckoutCartCommand(CART_ID, ORDER_ID))
               .expectException(CartEmptyException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCheckOutTwice() {
        fixture.given(created(), widgetsAdded(2), checkedOut())
               .when(new CheckoutCartCommand(CART_ID, "ORDER-002"))
               .expectException(CartAlreadyCheckedOutException.class)
               .expectNoEvents();
    }

    // --- limits ---

    @Test
    void canGrowALineUpToTheLimit() {
        fixture.given(created(), widgetsAdded(Cart.MAX_LINE_QUANTITY - 1))
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE))
               .expectEvents(new ItemQuantityChangedEvent(CART_ID, PRODUCT_ID, Cart.MAX_LINE_QUANTITY - 1,
                                                          Cart.MAX_LINE_QUANTITY, NOW));
    }

    @Test
    void cannotGrowALineBeyondTheLimit() {
        fixture.given(created(), widgetsAdded(Cart.MAX_LINE_QUANTITY))
               .when(new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1_000_000, UNIT_PRICE))
               .expectException(CartLimitExceededException.class)
               .expectNoEvents();
    }

    @Test
    void cannotAddMoreLinesThanAnOrderCanHold() {
        Object[] full = new Object[Cart.MAX_LINES + 1];
        full[0] = created();
        for (int i = 1; i <= Cart.MAX_LINES; i++) {
            full[i] = new ItemAddedToCartEvent(CART_ID, "P-" + i, "Product " + i, 1, Money.of(UNIT_PRICE), NOW);
        }
        fixture.given(full)
               .when(new AddToCartCommand(CART_ID, "P-OVER", "One too many", 1, UNIT_PRICE))
               .expectException(CartLimitExceededException.class)
               .expectNoEvents();
    }

    @Test
    void canAddToAnExistingLineOfAFullCart() {
        Object[] full = new Object[Cart.MAX_LINES + 1];
        full[0] = created();
        for (int i = 1; i <= Cart.MAX_LINES; i++) {
            full[i] = new ItemAddedToCartEvent(CART_ID, "P-" + i, "Product " + i, 1, Money.of(UNIT_PRICE), NOW);
        }
        fixture.given(full)
               .when(new AddToCartCommand(CART_ID, "P-1", "Product 1", 2, UNIT_PRICE))
               .expectEvents(new ItemQuantityChangedEvent(CART_ID, "P-1", 1, 3, NOW));
    }
}
