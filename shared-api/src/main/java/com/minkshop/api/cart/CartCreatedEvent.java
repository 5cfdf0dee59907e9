package com.minkshop.api.cart;

import java.time.Instant;

/**
 * A customer opened a new cart.
 */
public record CartCreatedEvent(String cartId,
                               String customerId,
                               Instant createdAt) {
}
