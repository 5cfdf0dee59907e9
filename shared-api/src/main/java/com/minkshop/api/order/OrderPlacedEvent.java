package com.minkshop.api.order;

import com.minkshop.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * A customer placed an order; the amounts are final and never recomputed on replay.
 */
public record OrderPlacedEvent(String orderId,
                               String customerId,
                               String cartId,
                               List<OrderLine> items,
                               ShippingAddress shippingAddress,
                               Money subtotal,
                               Money shippingCost,
                               Money tax,
                               Money totalAmount,
                               Instant placedAt) {
}
