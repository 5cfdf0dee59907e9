package com.minkshop.api.order;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels an order that has not shipped yet.
 */
public record CancelOrderCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                 @NotBlank(message = "cancellation reason is required")
                                 @Size(max = 500, message = "reason must be at most 500 characters") String reason,
                                 @Size(max = 100, message = "cancelled by must be at most 100 characters")
                                 String cancelledBy) {
}
