package com.minkshop.api.product;

import java.time.Instant;

/**
 * A product was taken off sale for good.
 */
public record ProductDiscontinuedEvent(String productId,
                                       String reason,
                                       Instant discontinuedAt) {
}
