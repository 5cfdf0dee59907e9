package com.minkshop.api.order;

import com.minkshop.api.common.Money;

/**
 * A priced line of a placed order; subtotal is always quantity times unit price.
 */
public record OrderLine(String productId,
                        String productName,
                        int quantity,
                        Money unitPrice,
                        Money subtotal) {

    public static OrderLine of(String productId, String productName, int quantity, Money unitPrice) {
        return new OrderLine(productId, productName, quantity, unitPrice, unitPrice.times(quantity));
    }
}
