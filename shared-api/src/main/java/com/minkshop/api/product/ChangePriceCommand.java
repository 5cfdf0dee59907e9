package com.minkshop.api.product;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Sets a new selling price for a product, with the business reason for the change.
 */
public record ChangePriceCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                                 @MoneyAmount(name = "price") BigDecimal newPrice,
                                 @Size(max = 500, message = "reason must be at most 500 characters") String reason) {
}
