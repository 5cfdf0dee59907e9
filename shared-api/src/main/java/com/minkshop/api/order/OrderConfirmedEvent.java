package com.minkshop.api.order;

import java.time.Instant;

/**
 * A paid order was confirmed for fulfilment.
 */
public record OrderConfirmedEvent(String orderId,
                                  Instant confirmedAt) {
}
