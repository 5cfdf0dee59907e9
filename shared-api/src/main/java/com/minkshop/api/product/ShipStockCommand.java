package com.minkshop.api.product;

import com.minkshop.api.common.ValidId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes an order's reserved stock from the warehouse because it was shipped.
 */
public record ShipStockCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                               @ValidId(name = "order ID") String orderId) {
}
