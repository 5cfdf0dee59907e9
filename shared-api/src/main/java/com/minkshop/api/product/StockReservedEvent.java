package com.minkshop.api.product;

import java.time.Instant;

/**
 * Available stock was set aside for an order.
 */
public record StockReservedEvent(String productId,
                                 int quantity,
                                 String orderId,
                                 Instant reservedAt) {
}
