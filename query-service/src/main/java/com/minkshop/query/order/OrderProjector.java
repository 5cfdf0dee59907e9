package com.minkshop.query.order;

import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.RefundIssuedEvent;
import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.consistency.AfterCommit;
import com.minkshop.query.consistency.ViewName;
import com.minkshop.query.consistency.ViewVersionTracker;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Keeps one row per order through its whole lifecycle, for order lookups, lists and customer histories.
 */
@Component
@ProcessingGroup(ProcessingGroups.ORDER_VIEW)
class OrderProjector {

    private final OrderViewRepository orders;
    private final ViewVersionTracker versions;

    OrderProjector(OrderViewRepository orders, ViewVersionTracker versions) {
        this.orders = orders;
        this.versions = versions;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber) {
        if (orders.findById(event.orderId()).isPresent()) {
            return;
        }
        committed(orders.save(OrderView.placed(event, sequenceNumber)));
    }

    @EventHandler
    void on(PaymentReceivedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber,
               order -> order.paid(event.paymentId(), event.paymentMethod(), event.receivedAt(), sequenceNumber));
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber, order -> order.noted(event.failedAt(), sequenceNumber));
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber, order -> order.confirmed(event.confirmedAt(), sequenceNumber));
    }

    @EventHandler
    void on(OrderShippedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber,
               order -> order.shipped(event.trackingNumber(), event.carrier(), event.shippedAt(), sequenceNumber));
    }

    @EventHandler
    void on(OrderDeliveredEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber, order -> order.delivered(event.deliveredAt(), sequenceNumber));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber,
               order -> order.cancelled(event.reason(), event.cancelledAt(), sequenceNumber));
    }

    @EventHandler
    void on(RefundIssuedEvent event, @SequenceNumber long sequenceNumber) {
        update(event.orderId(), sequenceNumber, order -> order.noted(event.issuedAt(), sequenceNumber));
    }

    @ResetHandler
    void reset() {
        orders.deleteAllItems();
        orders.deleteAllInBatch();
    }

    private void update(String orderId, long sequenceNumber, Consumer<OrderView> change) {
        OrderView order = orders.findById(orderId)
                                .orElseThrow(() -> new IllegalStateException("No order view for [" + orderId + "]"));
        if (order.hasApplied(sequenceNumber)) {
            return;
        }
        change.accept(order);
        committed(order);
    }

    private void committed(OrderView order) {
        String id = order.orderId();
        long version = order.version();
        AfterCommit.run(() -> versions.committed(ViewName.ORDER, id, version));
    }
}
