package com.minkshop.api.order;

import java.time.Instant;

/**
 * A payment attempt for an order failed.
 */
public record PaymentFailedEvent(String orderId,
                                 String paymentId,
                                 String reason,
                                 Instant failedAt) {
}
