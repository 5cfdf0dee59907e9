package com.minkshop.api.order;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * Money was refunded to the customer for an order (defined by the spec; nothing emits it yet).
 */
public record RefundIssuedEvent(String orderId,
                                String refundId,
                                Money amount,
                                String reason,
                                Instant issuedAt) {
}
