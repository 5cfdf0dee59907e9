package com.minkshop.api.cart;

import com.minkshop.api.common.Money;

import java.time.Instant;

/**
 * A product line was added to a cart for the first time.
 */
public record ItemAddedToCartEvent(String cartId,
                                   String productId,
                                   String productName,
                                   int quantity,
                                   Money unitPrice,
                                   Instant addedAt) {
}
