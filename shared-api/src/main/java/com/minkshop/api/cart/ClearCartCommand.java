package com.minkshop.api.cart;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Empties an open cart.
 */
public record ClearCartCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                               @Size(max = 500, message = "reason must be at most 500 characters") String reason) {
}
