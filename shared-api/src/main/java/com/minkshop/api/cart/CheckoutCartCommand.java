package com.minkshop.api.cart;

import com.minkshop.api.common.ValidId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes a cart for good and hands its lines over to an order.
 */
public record CheckoutCartCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                                  @ValidId(name = "order ID") String orderId) {
}
