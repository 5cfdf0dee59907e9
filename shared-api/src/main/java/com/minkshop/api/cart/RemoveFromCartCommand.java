package com.minkshop.api.cart;

import com.minkshop.api.common.ValidId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a product line out of an open cart.
 */
public record RemoveFromCartCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                                    @ValidId(name = "product ID") String productId) {
}
