package com.minkshop.command.order;

import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ShippingAddress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The Part 3 demo order: 2 x 29.99, shipping 5.99, tax rate 8 %, which totals 70.77. */
final class OrderTestData {

    static final Instant NOW = Instant.parse("2026-01-04T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String ORDER_ID = "ORDER-001";
    static final String CUSTOMER_ID = "CUST-001";
    static final String CART_ID = "CART-001";
    static final String PRODUCT_ID = "PROD-001";
    static final String PRODUCT_NAME = "Super Widget";
    static final String PAYMENT_ID = "PAY-001";
    static final String PAYMENT_METHOD = "credit_card";
    static final String TRACKING_NUMBER = "TRACK-123456";
    static final String CARRIER = "FedEx";

    static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "Springfield", "IL", "62701", "USA");
    static final BigDecimal UNIT_PRICE = new BigDecimal("29.99");
    static final BigDecimal SHIPPING_COST = new BigDecimal("5.99");
    static final BigDecimal TAX_RATE = new BigDecimal("0.08");

    static final Money SUBTOTAL = Money.of("59.98");
    static final Money TAX = Money.of("4.80");
    static final Money TOTAL = Money.of("70.77");

    static PlaceOrderCommand placeOrder() {
        return new PlaceOrderCommand(ORDER_ID, CUSTOMER_ID, CART_ID,
                                     List.of(new OrderItem(PRODUCT_ID, PRODUCT_NAME, 2, UNIT_PRICE,
                                                           new BigDecimal("59.98"))),
                                     ADDRESS, SHIPPING_COST, TAX_RATE);
    }

    static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, CART_ID,
                                    List.of(OrderLine.of(PRODUCT_ID, PRODUCT_NAME, 2, Money.of(UNIT_PRICE))),
                                    ADDRESS, SUBTOTAL, Money.of(SHIPPING_COST), TAX, TOTAL, NOW);
    }

    static PaymentReceivedEvent paid() {
        return new PaymentReceivedEvent(ORDER_ID, PAYMENT_ID, TOTAL, PAYMENT_METHOD, NOW);
    }

    static OrderConfirmedEvent confirmed() {
        return new OrderConfirmedEvent(ORDER_ID, NOW);
    }

    static OrderShippedEvent shipped() {
        return new OrderShippedEvent(ORDER_ID, TRACKING_NUMBER, CARRIER, NOW);
    }

    static OrderDeliveredEvent delivered() {
        return new OrderDeliveredEvent(ORDER_ID, NOW, "John Doe");
    }

    static OrderCancelledEvent cancelled() {
        return new OrderCancelledEvent(ORDER_ID, "changed my mind", "customer", NOW);
    }

    private OrderTestData() {
    }
}
