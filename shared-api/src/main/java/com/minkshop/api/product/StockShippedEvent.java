package com.minkshop.api.product;

import java.time.Instant;

/**
 * An order's reserved stock left the warehouse.
 */
public record StockShippedEvent(String productId,
                                int quantity,
                                String orderId,
                                Instant shippedAt) {
}
