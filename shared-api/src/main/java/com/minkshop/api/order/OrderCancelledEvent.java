package com.minkshop.api.order;

import java.time.Instant;

/**
 * An order was cancelled before shipping.
 */
public record OrderCancelledEvent(String orderId,
                                  String reason,
                                  String cancelledBy,
                                  Instant cancelledAt) {
}
