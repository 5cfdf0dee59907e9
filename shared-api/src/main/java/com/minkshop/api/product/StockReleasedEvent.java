package com.minkshop.api.product;

import java.time.Instant;

/**
 * An order's reservation went back to available stock.
 */
public record StockReleasedEvent(String productId,
                                 int quantity,
                                 String orderId,
                                 String reason,
                                 Instant releasedAt) {
}
