package com.minkshop.api.order;

import java.time.Instant;

/**
 * An order was handed to a carrier.
 */
public record OrderShippedEvent(String orderId,
                                String trackingNumber,
                                String carrier,
                                Instant shippedAt) {
}
