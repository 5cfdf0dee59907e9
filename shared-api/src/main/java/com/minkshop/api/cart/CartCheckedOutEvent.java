package com.minkshop.api.cart;

import com.minkshop.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * A cart was closed for good and its lines, in the order they were added, handed to an order.
 */
public record CartCheckedOutEvent(String cartId,
                                  String orderId,
                                  List<CartLine> items,
                                  Money totalAmount,
                                  Instant checkedOutAt) {
}
