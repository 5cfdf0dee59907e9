package com.minkshop.query.support;

import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartClearedEvent;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.CartLine;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.cart.ItemRemovedFromCartEvent;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.RefundIssuedEvent;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A busy little shop written straight into the event store: every event type of every aggregate, interleaved.
 */
public final class Scenario {

    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");

    private Scenario() {
    }

    /** Writes {@code rounds} rounds of activity and returns the ids used, by kind. */
    public static Ids write(EventStoreWriter events, String run, int rounds) {
        Ids ids = new Ids(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Instant t = Instant.parse("2026-05-01T09:00:00Z");
        for (int i = 0; i < rounds; i++) {
            String product = "PROD-" + run + "-" + i;
            String cart = "CART-" + run + "-" + i;
            String order = "ORDER-" + run + "-" + i;
            ids.products().add(product);
            ids.carts().add(cart);
            ids.orders().add(order);
            Money price = Money.of("1" + i + ".25");
            int n = i;
            t = t.plusSeconds(60);
            events.append("Product", product,
                          new ProductCreatedEvent(product, "SKU-" + run + "-" + i, "Item " + i, "desc", price, 5 + i,
                                                  t),
                          new PriceChangedEvent(product, price, price.plus(Money.of("1.00")), "cost", t.plusSeconds(1)),
                          new StockAddedEvent(product, 3, "PO-" + i, t.plusSeconds(2)));
            events.append("Cart", cart, new CartCreatedEvent(cart, "CUST-" + (i % 3), t),
                          new ItemAddedToCartEvent(cart, product, "Item " + i, 2, price, t.plusSeconds(3)),
                          new ItemAddedToCartEvent(cart, "EXTRA", "Extra", 1, Money.of("0.99"), t.plusSeconds(4)),
                          new ItemQuantityChangedEvent(cart, product, 2, 3, t.plusSeconds(5)),
                          new ItemRemovedFromCartEvent(cart, "EXTRA", t.plusSeconds(6)));
            events.append("Product", product, new StockReservedEvent(product, 3, order, t.plusSeconds(7)));
            if (n % 4 == 3) {
                events.append("Cart", cart, new CartClearedEvent(cart, "user_action", t.plusSeconds(8)));
                events.append("Product", product,
                              new StockReleasedEvent(product, 3, order, "cart cleared", t.plusSeconds(9)),
                              new ProductDiscontinuedEvent(product, "end of line", t.plusSeconds(10)));
                continue;
            }
            Money subtotal = price.times(3);
            Money total = subtotal.plus(Money.of("5.99"));
            events.append("Cart", cart, new CartCheckedOutEvent(cart, order, List.of(new CartLine(product, "Item " + i,
                                                                                                  3, price)),
                                                                subtotal, t.plusSeconds(8)));
            events.append("Order", order, new OrderPlacedEvent(order, "CUST-" + (i % 3), cart,
                                                               List.of(OrderLine.of(product, "Item " + i, 3, price)),
                                                               ADDRESS, subtotal, Money.of("5.99"), Money.ZERO, total,
                                                               t.plusSeconds(9)),
                          new PaymentFailedEvent(order, "PAY-F" + i, "declined", t.plusSeconds(10)),
                          new PaymentReceivedEvent(order, "PAY-" + i, total, "credit_card", t.plusSeconds(11)),
                          new OrderConfirmedEvent(order, t.plusSeconds(11)));
            switch (n % 4) {
                case 0 -> {
                    events.append("Order", order, new OrderShippedEvent(order, "TRACK-" + i, "UPS", t.plusSeconds(12)),
                                  new OrderDeliveredEvent(order, t.plusSeconds(13), "Jane"));
                    events.append("Product", product, new StockShippedEvent(product, 3, order, t.plusSeconds(12)));
                }
                case 1 -> {
                    events.append("Order", order, new OrderCancelledEvent(order, "changed mind", "customer",
                                                                          t.plusSeconds(12)),
                                  new RefundIssuedEvent(order, "REF-" + i, total, "cancelled", t.plusSeconds(13)));
                    events.append("Product", product,
                                  new StockReleasedEvent(product, 3, order, "order_cancelled", t.plusSeconds(12)));
                }
                default -> events.append("Order", order,
                                         new OrderShippedEvent(order, "TRACK-" + i, "DHL", t.plusSeconds(12)));
            }
        }
        return ids;
    }

    public record Ids(List<String> products, List<String> carts, List<String> orders) {
    }
}
