package com.minkshop.api.order;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * A payment covering the order total was received.
 */
public record PaymentReceivedEvent(String orderId,
                                   String paymentId,
                                   Money amount,
                                   String paymentMethod,
                                   Instant receivedAt) {
}
