package com.minkshop.api.product;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an order's whole reservation back to available stock, e.g. after a cancellation.
 */
public record ReleaseStockCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                                  @ValidId(name = "order ID") String orderId,
                                  @Size(max = 500, message = "reason must be at most 500 characters") String reason) {
}
