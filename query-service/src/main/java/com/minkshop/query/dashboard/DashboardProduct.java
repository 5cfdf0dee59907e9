package com.minkshop.query.dashboard;

import com.minkshop.query.persistence.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The dashboard's own copy of each product's stock, kept current so "low stock" follows every stock movement.
 */
@Entity
@Table(name = "dashboard_product")
class DashboardProduct extends ViewRow<String> {

    @Id
    private String productId;
    private String name;
    private int availableStock;
    private boolean discontinued;
    private long version;

    DashboardProduct(String productId, String name, int availableStock, long sequenceNumber) {
        this.productId = productId;
        this.name = name;
        this.availableStock = availableStock;
        this.version = sequenceNumber + 1;
        markCreated();
    }

    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber + 1 <= version;
    }

    String name() {
        return name;
    }

    void stockMoved(int availableDelta, long sequenceNumber) {
        availableStock += availableDelta;
        version = sequenceNumber + 1;
    }

    void discontinue(long sequenceNumber) {
        discontinued = true;
        version = sequenceNumber + 1;
    }

    DashboardProduct() {
        // required by JPA
    }

    @Override
    public String getId() {
        return productId;
    }
}
