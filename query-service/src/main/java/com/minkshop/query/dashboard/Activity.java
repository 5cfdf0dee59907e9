package com.minkshop.query.dashboard;

import com.minkshop.api.common.Money;

import java.util.Locale;

/**
 * A dashboard change in words. The texts of the tutorial's dashboard are kept verbatim; {@code listed} says whether
 * it also goes into "recent activity" (routine stock movements only go to the live stream).
 */
record Activity(String type, String description, boolean listed) {

    static Activity productCreated(String name, Money price) {
        return listed("product_created", format("New product: %s ($%.2f)", name, price.amount()));
    }

    static Activity priceChanged(String name, Money oldPrice, Money newPrice) {
        return listed("price_changed", format("Price of %s changed from $%.2f to $%.2f", name, oldPrice.amount(),
                                              newPrice.amount()));
    }

    static Activity stockAdded(int quantity, String productId) {
        return listed("stock_added", format("Stock added: %d units to %s", quantity, productId));
    }

    static Activity stockReserved(int quantity, String productId, String orderId) {
        return streamed("stock_reserved", format("Stock reserved: %d units of %s for order #%s", quantity, productId,
                                                 orderId));
    }

    static Activity stockReleased(int quantity, String productId, String orderId) {
        return streamed("stock_released", format("Stock released: %d units of %s from order #%s", quantity,
                                                 productId, orderId));
    }

    static Activity stockShipped(int quantity, String productId, String orderId) {
        return streamed("stock_shipped", format("Stock shipped: %d units of %s for order #%s", quantity, productId,
                                                orderId));
    }

    static Activity productDiscontinued(String name, String reason) {
        return listed("product_discontinued", format("Product discontinued: %s (%s)", name, reason));
    }

    static Activity orderPlaced(String orderId, Money total) {
        return listed("order_placed", format("New order #%s for $%.2f", orderId, total.amount()));
    }

    static Activity paymentReceived(String orderId, Money amount) {
        return listed("payment_received", format("Payment received for order #%s: $%.2f", orderId, amount.amount()));
    }

    static Activity paymentFailed(String orderId, String reason) {
        return listed("payment_failed", format("Payment failed for order #%s: %s", orderId, reason));
    }

    static Activity orderConfirmed(String orderId) {
        return streamed("order_confirmed", format("Order #%s confirmed", orderId));
    }

    static Activity orderShipped(String orderId, String carrier) {
        return listed("order_shipped", format("Order #%s shipped via %s", orderId, carrier));
    }

    static Activity orderDelivered(String orderId) {
        return listed("order_delivered", format("Order #%s delivered", orderId));
    }

    static Activity orderCancelled(String orderId, String reason) {
        return listed("order_cancelled", format("Order #%s cancelled: %s", orderId, reason));
    }

    static Activity refundIssued(String orderId, Money amount) {
        return listed("refund_issued", format("Refund of $%.2f issued for order #%s", amount.amount(), orderId));
    }

    private static Activity listed(String type, String description) {
        return new Activity(type, description, true);
    }

    private static Activity streamed(String type, String description) {
        return new Activity(type, description, false);
    }

    // money always with a dot, whatever the server's locale
    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
