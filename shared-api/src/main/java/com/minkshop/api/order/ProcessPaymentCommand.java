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
                                    // an order can total up to 100 lines x 1,000,000 units x 9,999,999,999.99
                                    // plus the same again in tax and the shipping: below 10^19, and payable
                                    @MoneyAmount(name = "amount", integerDigits = 19) BigDecimal amount,
                                    @Size(max = 50, message = "payment method must be at most 50 characters")
                                    String paymentMethod) {
}
