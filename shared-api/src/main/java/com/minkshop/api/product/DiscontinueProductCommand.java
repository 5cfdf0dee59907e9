package com.minkshop.api.product;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a product off sale for good.
 */
public record DiscontinueProductCommand(@TargetAggregateIdentifier @ValidId(name = "product ID") String productId,
                                        @Size(max = 500, message = "reason must be at most 500 characters")
                                        String reason) {
}
