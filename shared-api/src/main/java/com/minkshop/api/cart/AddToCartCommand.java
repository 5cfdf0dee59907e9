package com.minkshop.api.cart;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Puts a quantity of a product into an open cart; adding a product already there raises its quantity.
 */
public record AddToCartCommand(@TargetAggregateIdentifier @ValidId(name = "cart ID") String cartId,
                               @ValidId(name = "product ID") String productId,
                               @Size(max = 200, message = "product name must be at most 200 characters")
                               String productName,
                               @Positive(message = "quantity must be positive")
                               @Max(value = 1_000_000, message = "quantity must be at most 1000000") int quantity,
                               @MoneyAmount(name = "price", allowZero = true) BigDecimal unitPrice) {
}
