package com.minkshop.api.order;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a payment attempt for an order failed; the order stays pending.
 */
public record RecordPaymentFailureCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                          @ValidId(name = "payment ID") String paymentId,
                                          @NotBlank(message = "failure reason is required")
                                          @Size(max = 500, message = "reason must be at most 500 characters")
                                          String reason) {
}
