package com.minkshop.api.product;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * A product was added to the catalog with its opening stock.
 */
public record ProductCreatedEvent(String productId,
                                  String sku,
                                  String name,
                                  String description,
                                  Money price,
                                  int initialStock,
                                  Instant createdAt) {
}
