package com.minkshop.query.product;

import com.minkshop.api.common.Money;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductSummary;
import com.minkshop.query.persistence.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "product_view")
class ProductView extends ViewRow<String> {

    @Id
    private String productId;
    private String sku;
    private String name;
    private String description;
    private BigDecimal price;
    private int availableStock;
    private int reservedStock;
    private boolean discontinued;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    static ProductView created(ProductCreatedEvent event, long sequenceNumber) {
        ProductView view = new ProductView();
        view.markCreated();
        view.productId = event.productId();
        view.sku = event.sku();
        view.name = event.name();
        view.description = event.description();
        view.price = event.price().amount();
        view.availableStock = event.initialStock();
        view.createdAt = event.createdAt();
        view.applied(sequenceNumber, event.createdAt());
        return view;
    }

    /** True when this event (or a later one) is already reflected, e.g. on redelivery or replay. */
    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber + 1 <= version;
    }

    void changePrice(Money newPrice, Instant at, long sequenceNumber) {
        price = newPrice.amount();
        applied(sequenceNumber, at);
    }

    void addStock(int quantity, Instant at, long sequenceNumber) {
        availableStock += quantity;
        applied(sequenceNumber, at);
    }

    void reserve(int quantity, Instant at, long sequenceNumber) {
        availableStock -= quantity;
        reservedStock += quantity;
        applied(sequenceNumber, at);
    }

    void release(int quantity, Instant at, long sequenceNumber) {
        availableStock += quantity;
        reservedStock -= quantity;
        applied(sequenceNumber, at);
    }

    void ship(int quantity, Instant at, long sequenceNumber) {
        reservedStock -= quantity;
        applied(sequenceNumber, at);
    }

    void discontinue(Instant at, long sequenceNumber) {
        discontinued = true;
        applied(sequenceNumber, at);
    }

    private void applied(long sequenceNumber, Instant at) {
        version = sequenceNumber + 1;
        updatedAt = at;
    }

    String productId() {
        return productId;
    }

    long version() {
        return version;
    }

    ProductSummary toSummary() {
        return new ProductSummary(productId, sku, name, description, Money.of(price), availableStock, reservedStock,
                                  !discontinued && availableStock > 0, discontinued, createdAt, updatedAt, version);
    }

    ProductView() {
        // required by JPA
    }

    @Override
    public String getId() {
        return productId;
    }
}
