package com.minkshop.query.dashboard;

import com.minkshop.query.persistence.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * The dashboard's own small copy of each order: just what the counters need, so it never reads another
 * projector's tables (which may be rebuilt or lag independently).
 */
@Entity
@Table(name = "dashboard_order")
class DashboardOrder extends ViewRow<String> {

    @Id
    private String orderId;
    private String status;
    private BigDecimal totalAmount;
    private boolean paid;
    private long version;

    DashboardOrder(String orderId, BigDecimal totalAmount, long sequenceNumber) {
        this.orderId = orderId;
        this.status = "pending";
        this.totalAmount = totalAmount;
        this.version = sequenceNumber + 1;
        markCreated();
    }

    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber + 1 <= version;
    }

    void moveTo(String newStatus, long sequenceNumber) {
        status = newStatus;
        version = sequenceNumber + 1;
    }

    void paid(long sequenceNumber) {
        paid = true;
        moveTo("paid", sequenceNumber);
    }

    void noted(long sequenceNumber) {
        version = sequenceNumber + 1;
    }

    DashboardOrder() {
        // required by JPA
    }

    @Override
    public String getId() {
        return orderId;
    }
}
