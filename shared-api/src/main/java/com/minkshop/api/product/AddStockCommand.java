package com.minkshop.api.product;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records goods received into stock, e.g. against a purchase order.
 */
public record AddStockCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                              @Positive(message = "quantity must be positive")
                              @Max(value = 1_000_000, message = "quantity must be at most 1000000") int quantity,
                              @Size(max = 200, message = "reference must be at most 200 characters") String reference) {
}
