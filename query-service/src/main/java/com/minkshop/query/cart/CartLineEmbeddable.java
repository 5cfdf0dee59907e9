package com.minkshop.query.cart;

import com.minkshop.api.cart.CartItemSummary;
import com.minkshop.api.common.Money;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

@Embeddable
class CartLineEmbeddable {

    private String productId;
    private String productName;
    private int quantity;
    private BigDecimal unitPrice;

    CartLineEmbeddable(String productId, String productName, int quantity, Money unitPrice) {
        this.productId = productId;
        this.productName = productName;
        this.quantity = quantity;
        this.unitPrice = unitPrice.amount();
    }

    String productId() {
        return productId;
    }

    int quantity() {
        return quantity;
    }

    void changeQuantity(int newQuantity) {
        quantity = newQuantity;
    }

    Money subtotal() {
        return Money.of(unitPrice).times(quantity);
    }

    CartItemSummary toSummary() {
        return new CartItemSummary(productId, productName, quantity, Money.of(unitPrice), subtotal());
    }

    CartLineEmbeddable() {
        // required by JPA
    }
}
