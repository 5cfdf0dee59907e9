package com.minkshop.api.cart;

import com.minkshop.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * A customer's cart: its lines in the order they were added, totals, and the order it became once checked out.
 */
public record CartSummary(String cartId,
                          String customerId,
                          String status,
                          List<CartItemSummary> items,
                          int itemCount,
                          Money totalAmount,
                          String orderId,
                          Instant createdAt,
                          Instant updatedAt,
                          long version) {

    public CartSummary {
        items = List.copyOf(items);
    }
}
