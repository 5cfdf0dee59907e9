package com.minkshop.api.product;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * A catalog entry as shoppers and staff see it: price, stock on hand and reserved, and whether it can be sold.
 */
public record ProductSummary(String productId,
                             String sku,
                             String name,
                             String description,
                             Money price,
                             int availableStock,
                             int reservedStock,
                             boolean available,
                             boolean discontinued,
                             Instant createdAt,
                             Instant updatedAt,
                             long version) {
}
