package com.minkshop.api.cart;

import java.time.Instant;

/**
 * A product line was taken out of a cart.
 */
public record ItemRemovedFromCartEvent(String cartId,
                                       String productId,
                                       Instant removedAt) {
}
