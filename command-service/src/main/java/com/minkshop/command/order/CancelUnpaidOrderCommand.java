package com.minkshop.command.order;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels an order only if it is still waiting for its payment; sent by the fulfilment saga when the payment
 * deadline passes. Unlike {@code CancelOrderCommand} the order itself decides whether it is still unpaid, so a
 * payment that lands while the deadline fires is never cancelled by it. Internal to this service, hence not in
 * shared-api.
 */
record CancelUnpaidOrderCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                @NotBlank String reason,
                                @NotBlank String cancelledBy) {
}
