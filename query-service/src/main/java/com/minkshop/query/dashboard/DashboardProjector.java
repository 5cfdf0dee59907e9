package com.minkshop.query.dashboard;

import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.RefundIssuedEvent;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;
import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.config.QueryProperties;
import com.minkshop.query.consistency.AfterCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Function;

/**
 * Keeps the persistent dashboard: a per-order status/amount table, a per-product stock table and the recent activity.
 * Each row remembers the last applied aggregate version, so a redelivered or replayed event never counts twice.
 */
@Component
@ProcessingGroup(ProcessingGroups.DASHBOARD)
class DashboardProjector {

    private final DashboardOrderRepository orders;
    private final DashboardProductRepository products;
    private final DashboardActivityRepository activities;
    private final DashboardStream stream;
    private final int recentActivitySize;

    DashboardProjector(DashboardOrderRepository orders, DashboardProductRepository products,
                       DashboardActivityRepository activities, DashboardStream stream, QueryProperties properties) {
        this.orders = orders;
        this.products = products;
        this.activities = activities;
        this.stream = stream;
        this.recentActivitySize = properties.dashboard().recentActivitySize();
    }

    @EventHandler
    void on(ProductCreatedEvent event, @SequenceNumber long sequenceNumber) {
        if (products.findById(event.productId()).isPresent()) {
            return;
        }
        products.save(new DashboardProduct(event.productId(), event.name(), event.initialStock(), sequenceNumber));
        record(Activity.productCreated(event.name(), event.price()), event.createdAt());
    }

    @EventHandler
    void on(PriceChangedEvent event, @SequenceNumber long sequenceNumber) {
        product(event.productId(), sequenceNumber, product -> {
            product.stockMoved(0, sequenceNumber);
            return Activity.priceChanged(product.name(), event.oldPrice(), event.newPrice());
        }, event.changedAt());
    }

    @EventHandler
    void on(StockAddedEvent event, @SequenceNumber long sequenceNumber) {
        product(event.productId(), sequenceNumber, product -> {
            product.stockMoved(event.quantity(), sequenceNumber);
            return Activity.stockAdded(event.quantity(), event.productId());
        }, event.addedAt());
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequenceNumber) {
        product(event.productId(), sequenceNumber, product -> {
            product.stockMoved(-event.quantity(), sequenceNumber);
            return Activity.stockReserved(event.quantity(), event.productId(), event.orderId());
        }, event.reservedAt());
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequenceNumber) {
        product(event.productId(), sequenceNumber, product -> {
            product.stockMoved(event.quantity(), sequenceNumber);
            return Activity.stockReleased(event.quantity(), event.productId(), event.orderId());
        }, event.releasedAt());
    }

    @EventHandler
    void on(StockShippedEvent event, @SequenceNumber long sequenceNumber) {
        // shipped units were already taken out of available stock when they were reserved
        product(event.productId(), sequenceNumber, product -> {
            product.stockMoved(0, sequenceNumber);
            return Activity.stockShipped(event.quantity(), event.productId(), event.orderId());
        }, event.shippedAt());
    }

    @EventHandler
    void on(ProductDiscontinuedEvent event, @SequenceNumber long sequenceNumber) {
        product(event.productId(), sequenceNumber, product -> {
            product.discontinue(sequenceNumber);
            return Activity.productDiscontinued(product.name(), event.reason());
        }, event.discontinuedAt());
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber) {
        if (orders.findById(event.orderId()).isPresent()) {
            return;
        }
        orders.save(new DashboardOrder(event.orderId(), event.totalAmount().amount(), sequenceNumber));
        record(Activity.orderPlaced(event.orderId(), event.totalAmount()), event.placedAt());
    }

    @EventHandler
    void on(PaymentReceivedEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.paid(sequenceNumber);
            return Activity.paymentReceived(event.orderId(), event.amount());
        }, event.receivedAt());
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.noted(sequenceNumber);
            return Activity.paymentFailed(event.orderId(), event.reason());
        }, event.failedAt());
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.moveTo("confirmed", sequenceNumber);
            return Activity.orderConfirmed(event.orderId());
        }, event.confirmedAt());
    }

    @EventHandler
    void on(OrderShippedEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.moveTo("shipped", sequenceNumber);
            return Activity.orderShipped(event.orderId(), event.carrier());
        }, event.shippedAt());
    }

    @EventHandler
    void on(OrderDeliveredEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.moveTo("delivered", sequenceNumber);
            return Activity.orderDelivered(event.orderId());
        }, event.deliveredAt());
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.moveTo("cancelled", sequenceNumber);
            return Activity.orderCancelled(event.orderId(), event.reason());
        }, event.cancelledAt());
    }

    @EventHandler
    void on(RefundIssuedEvent event, @SequenceNumber long sequenceNumber) {
        order(event.orderId(), sequenceNumber, order -> {
            order.noted(sequenceNumber);
            return Activity.refundIssued(event.orderId(), event.amount());
        }, event.issuedAt());
    }

    @ResetHandler
    void reset() {
        activities.deleteAllInBatch();
        orders.deleteAllInBatch();
        products.deleteAllInBatch();
    }

    private void product(String productId, long sequenceNumber, Function<DashboardProduct, Activity> change,
                         Instant at) {
        DashboardProduct product = products.findById(productId).orElseThrow(
                () -> new IllegalStateException("No dashboard product for [" + productId + "]"));
        if (!product.hasApplied(sequenceNumber)) {
            record(change.apply(product), at);
        }
    }

    private void order(String orderId, long sequenceNumber, Function<DashboardOrder, Activity> change, Instant at) {
        DashboardOrder order = orders.findById(orderId).orElseThrow(
                () -> new IllegalStateException("No dashboard order for [" + orderId + "]"));
        if (!order.hasApplied(sequenceNumber)) {
            record(change.apply(order), at);
        }
    }

    private void record(Activity activity, Instant at) {
        if (activity.listed()) {
            activities.save(new DashboardActivity(at, activity.type(), activity.description()));
            activities.keepNewest(recentActivitySize);
        }
        AfterCommit.run(() -> stream.publish(activity.type(), activity.description(), at));
    }
}
