package com.minkshop.api.cart;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the quantity of a product already in an open cart; zero removes the line.
 */
public record ChangeItemQuantityCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                                        @ValidId(name = "product ID") String productId,
                                        @PositiveOrZero(message = "quantity cannot be negative")
                                        @Max(value = 1_000_000, message = "quantity must be at most 1000000")
                                        int quantity) {
}
