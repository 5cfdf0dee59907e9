package com.minkshop.api.cart;

import com.minkshop.api.common.Money;

/**
 * One product line in a cart: what, how many and at what unit price.
 */
public record CartLine(String productId,
                       String productName,
                       int quantity,
                       Money unitPrice) {

    /** Quantity times unit price. */
    public Money subtotal() {
        return unitPrice.times(quantity);
    }
}
