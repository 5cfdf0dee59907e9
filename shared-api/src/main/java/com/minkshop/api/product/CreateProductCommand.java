package com.minkshop.api.product;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Adds a new product to the catalog with its opening stock.
 */
public record CreateProductCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                                   @NotBlank(message = "SKU is required")
                                   @Size(max = 64, message = "SKU must be at most 64 characters") String sku,
                                   @NotBlank(message = "name is required")
                                   @Size(max = 200, message = "name must be at most 200 characters") String name,
                                   @Size(max = 2000, message = "description must be at most 2000 characters")
                                   String description,
                                   @MoneyAmount(name = "price") BigDecimal price,
                                   @PositiveOrZero(message = "initial stock cannot be negative")
                                   @Max(value = 1_000_000, message = "initial stock must be at most 1000000")
                                   int initialStock) {
}
