package com.minkshop.api.order;

import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a shipped order reached the customer.
 */
public record DeliverOrderCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                  @Size(max = 200, message = "signed by must be at most 200 characters")
                                  String signedBy) {
}
