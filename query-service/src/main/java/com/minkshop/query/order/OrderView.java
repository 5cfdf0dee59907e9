package com.minkshop.query.order;

import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderSummary;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.query.persistence.ViewRow;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "order_view")
class OrderView extends ViewRow<String> {

    static final String PENDING = "pending";
    static final String PAID = "paid";
    static final String CONFIRMED = "confirmed";
    static final String SHIPPED = "shipped";
    static final String DELIVERED = "delivered";
    static final String CANCELLED = "cancelled";

    @Id
    private String orderId;
    private String customerId;
    private String cartId;
    private String status;
    @ElementCollection
    @CollectionTable(name = "order_view_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_index")
    private List<OrderLineEmbeddable> items = new ArrayList<>();
    private int itemCount;
    private BigDecimal subtotal;
    private BigDecimal shippingCost;
    private BigDecimal tax;
    private BigDecimal totalAmount;
    private String shippingName;
    private String shippingStreet;
    private String shippingCity;
    private String shippingState;
    private String shippingPostalCode;
    private String shippingCountry;
    private String paymentId;
    private String paymentMethod;
    private String trackingNumber;
    private String carrier;
    private String cancellationReason;
    private Instant placedAt;
    private Instant paidAt;
    private Instant confirmedAt;
    private Instant shippedAt;
    private Instant deliveredAt;
    private Instant cancelledAt;
    private Instant updatedAt;
    private long version;

    static OrderView placed(OrderPlacedEvent event, long sequenceNumber) {
        OrderView view = new OrderView();
        view.markCreated();
        view.orderId = event.orderId();
        view.customerId = event.customerId();
        view.cartId = event.cartId();
        view.status = PENDING;
        event.items().forEach(line -> view.items.add(new OrderLineEmbeddable(line)));
        view.itemCount = event.items().stream().mapToInt(line -> line.quantity()).sum();
        view.subtotal = event.subtotal().amount();
        view.shippingCost = event.shippingCost().amount();
        view.tax = event.tax().amount();
        view.totalAmount = event.totalAmount().amount();
        ShippingAddress address = event.shippingAddress();
        if (address != null) {
            view.shippingName = address.name();
            view.shippingStreet = address.street();
            view.shippingCity = address.city();
            view.shippingState = address.state();
            view.shippingPostalCode = address.postalCode();
            view.shippingCountry = address.country();
        }
        view.placedAt = event.placedAt();
        view.applied(sequenceNumber, event.placedAt());
        return view;
    }

    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber + 1 <= version;
    }

    void paid(String newPaymentId, String method, Instant at, long sequenceNumber) {
        status = PAID;
        paymentId = newPaymentId;
        paymentMethod = method;
        paidAt = at;
        applied(sequenceNumber, at);
    }

    void confirmed(Instant at, long sequenceNumber) {
        status = CONFIRMED;
        confirmedAt = at;
        applied(sequenceNumber, at);
    }

    void shipped(String newTrackingNumber, String newCarrier, Instant at, long sequenceNumber) {
        status = SHIPPED;
        trackingNumber = newTrackingNumber;
        carrier = newCarrier;
        shippedAt = at;
        applied(sequenceNumber, at);
    }

    void delivered(Instant at, long sequenceNumber) {
        status = DELIVERED;
        deliveredAt = at;
        applied(sequenceNumber, at);
    }

    void cancelled(String reason, Instant at, long sequenceNumber) {
        status = CANCELLED;
        cancellationReason = reason;
        cancelledAt = at;
        applied(sequenceNumber, at);
    }

    /** An event that changes nothing the view shows (a failed payment, a refund) still moves its version. */
    void noted(Instant at, long sequenceNumber) {
        applied(sequenceNumber, at);
    }

    private void applied(long sequenceNumber, Instant at) {
        version = sequenceNumber + 1;
        updatedAt = at;
    }

    String orderId() {
        return orderId;
    }

    long version() {
        return version;
    }

    OrderSummary toSummary() {
        ShippingAddress address = new ShippingAddress(shippingName, shippingStreet, shippingCity, shippingState,
                                                      shippingPostalCode, shippingCountry);
        return new OrderSummary(orderId, customerId, cartId, status,
                                items.stream().map(OrderLineEmbeddable::toLine).toList(), itemCount,
                                Money.of(subtotal), Money.of(shippingCost), Money.of(tax), Money.of(totalAmount),
                                address, paymentId, paymentMethod, trackingNumber, carrier, cancellationReason,
                                placedAt, paidAt, confirmedAt, shippedAt, deliveredAt, cancelledAt, updatedAt,
                                version);
    }

    OrderView() {
        // required by JPA
    }

    @Override
    public String getId() {
        return orderId;
    }
}
