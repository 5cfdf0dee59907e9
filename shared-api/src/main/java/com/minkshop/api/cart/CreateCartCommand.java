package com.minkshop.api.cart;

import com.minkshop.api.common.ValidId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a new, empty shopping cart for a customer.
 */
public record CreateCartCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                                @ValidId(name = "customer ID") String customerId) {
}
