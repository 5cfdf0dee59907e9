package com.minkshop.api.order;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A line of an order as the client submits it; the server computes the subtotal and rejects one that disagrees.
 */
@ConsistentSubtotal
public record OrderItem(@ValidId(name = "product ID") String productId,
                        @Size(max = 200, message = "product name must be at most 200 characters") String productName,
                        @Positive(message = "quantity must be positive")
                        @Max(value = 1_000_000, message = "quantity must be at most 1000000") int quantity,
                        @MoneyAmount(name = "price", allowZero = true) BigDecimal unitPrice,
                        BigDecimal subtotal) {

    /** True when no subtotal was sent or the one sent equals quantity times unit price. */
    public boolean subtotalMatches() {
        return subtotal == null || unitPrice == null
                || subtotal.compareTo(unitPrice.multiply(BigDecimal.valueOf(quantity))) == 0;
    }
}
