package com.minkshop.api.product;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Holds stock of a product for an order so it cannot be sold twice.
 */
public record ReserveStockCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                                  @ValidId(name = "order ID") String orderId,
                                  @Positive(message = "quantity must be positive")
                                  @Max(value = 1_000_000, message = "quantity must be at most 1000000") int quantity) {
}
