package com.minkshop.query.order;

import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderLine;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

@Embeddable
class OrderLineEmbeddable {

    private String productId;
    private String productName;
    private int quantity;
    private BigDecimal unitPrice;
    private BigDecimal subtotal;

    OrderLineEmbeddable(OrderLine line) {
        this.productId = line.productId();
        this.productName = line.productName();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice().amount();
        this.subtotal = line.subtotal().amount();
    }

    int quantity() {
        return quantity;
    }

    OrderLine toLine() {
        return new OrderLine(productId, productName, quantity, Money.of(unitPrice), Money.of(subtotal));
    }

    OrderLineEmbeddable() {
        // required by JPA
    }
}
