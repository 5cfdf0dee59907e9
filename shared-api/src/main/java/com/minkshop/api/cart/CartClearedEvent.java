package com.minkshop.api.cart;

import java.time.Instant;

/**
 * All lines were taken out of a cart.
 */
public record CartClearedEvent(String cartId,
                               String reason,
                               Instant clearedAt) {
}
