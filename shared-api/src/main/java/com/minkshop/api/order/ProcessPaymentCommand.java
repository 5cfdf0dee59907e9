package com.minkshop.api.order;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Records a customer payment for a pending order, which confirms the order.
 */
public record ProcessPaymentCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                    @ValidId(name = "payment ID") String paymentId,
                                    @MoneyAmount(name = "amount") BigDecimal amount,
                                    @Size(max = 50, message = "payment method must be at most 50 characters")
                                    String paymentMethod) {
}
