package com.minkshop.command.cart;

import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.CartLine;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.common.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

final class CartTestData {

    static final Instant NOW = Instant.parse("2026-01-04T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String CART_ID = "CART-001";
    static final String CUSTOMER_ID = "CUST-001";
    static final String ORDER_ID = "ORDER-001";

    static final String PRODUCT_ID = "PROD-001";
    static final String PRODUCT_NAME = "Super Widget";
    static final BigDecimal UNIT_PRICE = new BigDecimal("29.99");

    static final String OTHER_PRODUCT_ID = "PROD-002";
    static final String OTHER_PRODUCT_NAME = "Gadget";
    static final BigDecimal OTHER_UNIT_PRICE = new BigDecimal("10.00");

    static CartCreatedEvent created() {
        return new CartCreatedEvent(CART_ID, CUSTOMER_ID, NOW);
    }

    static ItemAddedToCartEvent widgetsAdded(int quantity) {
        return new ItemAddedToCartEvent(CART_ID, PRODUCT_ID, PRODUCT_NAME, quantity, Money.of(UNIT_PRICE), NOW);
    }

    static ItemAddedToCartEvent gadgetsAdded(int quantity) {
        return new ItemAddedToCartEvent(CART_ID, OTHER_PRODUCT_ID, OTHER_PRODUCT_NAME, quantity,
                                        Money.of(OTHER_UNIT_PRICE), NOW);
    }

    static CartLine widgets(int quantity) {
        return new CartLine(PRODUCT_ID, PRODUCT_NAME, quantity, Money.of(UNIT_PRICE));
    }

    static CartLine gadgets(int quantity) {
        return new CartLine(OTHER_PRODUCT_ID, OTHER_PRODUCT_NAME, quantity, Money.of(OTHER_UNIT_PRICE));
    }

    static CartCheckedOutEvent checkedOut() {
        return new CartCheckedOutEvent(CART_ID, ORDER_ID, List.of(widgets(2)), Money.of("59.98"), NOW);
    }

    private CartTestData() {
    }
}
