package com.minkshop.api.product;

import java.time.Instant;

/**
 * Goods were received into available stock.
 */
public record StockAddedEvent(String productId,
                              int quantity,
                              String reference,
                              Instant addedAt) {
}
