package com.minkshop.api.order;

import java.time.Instant;

/**
 * A shipped order reached the customer.
 */
public record OrderDeliveredEvent(String orderId,
                                  Instant deliveredAt,
                                  String signedBy) {
}
