package com.minkshop.api.order;

import com.minkshop.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * An order as the customer and staff follow it: lines, amounts, delivery address, payment, shipping and lifecycle
 * timestamps.
 */
public record OrderSummary(String orderId,
                           String customerId,
                           String cartId,
                           String status,
                           List<OrderLine> items,
                           int itemCount,
                           Money subtotal,
                           Money shippingCost,
                           Money tax,
                           Money totalAmount,
                           ShippingAddress shippingAddress,
                           String paymentId,
                           String paymentMethod,
                           String trackingNumber,
                           String carrier,
                           String cancellationReason,
                           Instant placedAt,
                           Instant paidAt,
                           Instant confirmedAt,
                           Instant shippedAt,
                           Instant deliveredAt,
                           Instant cancelledAt,
                           Instant updatedAt,
                           long version) {

    public OrderSummary {
        items = List.copyOf(items);
    }
}
