package com.minkshop.api.cart;

import com.minkshop.api.common.Money;

/**
 * One line of a cart as shown to the customer, with its line subtotal.
 */
public record CartItemSummary(String productId,
                              String productName,
                              int quantity,
                              Money unitPrice,
                              Money subtotal) {
}
