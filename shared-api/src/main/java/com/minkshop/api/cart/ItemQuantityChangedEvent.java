package com.minkshop.api.cart;

import java.time.Instant;

/**
 * The quantity of a product line in a cart changed.
 */
public record ItemQuantityChangedEvent(String cartId,
                                       String productId,
                                       int oldQuantity,
                                       int newQuantity,
                                       Instant changedAt) {
}
