package com.minkshop.api.order;

import com.minkshop.api.common.MoneyAmount;
import com.minkshop.api.common.ValidId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Places an order for a customer; the server prices it (subtotal, tax, total) from the lines.
 */
public record PlaceOrderCommand(@TargetAggregateIdentifier @ValidId(name = "order ID") String orderId,
                                @ValidId(name = "customer ID") String customerId,
                                @ValidId(name = "cart ID") String cartId,
                                @NotEmpty(message = "at least one item is required")
                                @Size(max = MAX_ITEMS, message = "at most 100 items are allowed")
                                List<@NotNull(message = "item is required") @Valid OrderItem> items,
                                @NotNull(message = "shipping address is required")
                                @Valid ShippingAddress shippingAddress,
                                @MoneyAmount(name = "shipping cost", allowZero = true) BigDecimal shippingCost,
                                @NotNull(message = "tax rate is required")
                                @DecimalMin(value = "0", message = "tax rate must be between 0 and 1")
                                @DecimalMax(value = "1", message = "tax rate must be between 0 and 1")
                                @Digits(integer = 3, fraction = 6, message = "tax rate must have at most 6 decimals")
                                BigDecimal taxRate) {

    /** The most lines one order may have. */
    public static final int MAX_ITEMS = 100;
}
