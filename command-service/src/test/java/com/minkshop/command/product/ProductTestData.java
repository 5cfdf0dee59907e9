package com.minkshop.command.product;

import com.minkshop.api.common.Money;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.StockReservedEvent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

final class ProductTestData {

    static final Instant NOW = Instant.parse("2026-01-04T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String PRODUCT_ID = "PROD-001";
    static final String SKU = "WIDGET-001";
    static final String NAME = "Super Widget";
    static final String DESCRIPTION = "The best widget money can buy";
    static final BigDecimal PRICE = new BigDecimal("29.99");
    static final BigDecimal NEW_PRICE = new BigDecimal("24.99");
    static final int INITIAL_STOCK = 10;
    static final String ORDER_ID = "ORDER-001";
    static final String OTHER_ORDER_ID = "ORDER-002";

    static ProductCreatedEvent created() {
        return new ProductCreatedEvent(PRODUCT_ID, SKU, NAME, DESCRIPTION, Money.of(PRICE), INITIAL_STOCK, NOW);
    }

    static StockReservedEvent reserved(String orderId, int quantity) {
        return new StockReservedEvent(PRODUCT_ID, quantity, orderId, NOW);
    }

    private ProductTestData() {
    }
}
