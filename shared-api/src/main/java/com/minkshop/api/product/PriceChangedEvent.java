package com.minkshop.api.product;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * A product's selling price changed.
 */
public record PriceChangedEvent(String productId,
                                Money oldPrice,
                                Money newPrice,
                                String reason,
                                Instant changedAt) {
}
