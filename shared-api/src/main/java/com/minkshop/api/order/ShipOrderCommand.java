package com.minkshop.api.order;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hands a confirmed order to a carrier.
 */
public record ShipOrderCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                               @NotBlank(message = "tracking number is required")
                               @Size(max = 100, message = "tracking number must be at most 100 characters")
                               String trackingNumber,
                               @NotBlank(message = "carrier is required")
                               @Size(max = 100, message = "carrier must be at most 100 characters") String carrier) {
}
