package com.minkshop.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.DeliverOrderCommand;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.order.RecordPaymentFailureCommand;
import com.minkshop.api.order.ShipOrderCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

// Snapshots are this class's fields as JSON (hence field visibility). Raise the revision whenever a field is added,
// removed, renamed or changes meaning: snapshots of another revision are then ignored and the aggregate is rebuilt
// from its events, where an old snapshot would otherwise load with a missing or misread field.
@Aggregate(repository = "orderRepository")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class Order {

    @AggregateIdentifier
    private String orderId;
    private OrderStatus status;
    private Money totalAmount;

    // ALWAYS: a creation reads nothing from the event store (no snapshot lookup, no event query). An id that is
    // already taken, by an aggregate of any type, fails on the store's unique key at commit and is answered as
    // ORDER_ALREADY_EXISTS by web.CommandResponses.created.
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandResult handle(PlaceOrderCommand command, Clock clock) {
        // The server prices every line itself; a client subtotal was only checked for consistency on dispatch.
        List<OrderLine> items = command.items().stream()
                                       .map(item -> OrderLine.of(item.productId(), item.productName(),
                                                                 item.quantity(), Money.of(item.unitPrice())))
                                       .toList();
        Money subtotal = items.stream().map(OrderLine::subtotal).reduce(Money.ZERO, Money::plus);
        Money shippingCost = Money.of(command.shippingCost());
        // Tax is on the goods only, not on shipping, as in the spec; rounded half-up to cents.
        Money tax = subtotal.times(command.taxRate());
        Money total = subtotal.plus(shippingCost).plus(tax);
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), command.cartId(), items,
                                   command.shippingAddress(), subtotal, shippingCost, tax, total, clock.instant()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.code());
        data.put("subtotal", subtotal);
        data.put("tax", tax);
        data.put("shippingCost", shippingCost);
        data.put("totalAmount", total);
        return result(data);
    }

    // Receiving the payment and confirming the order are one decision, so both events go in one command.
    @CommandHandler
    CommandResult handle(ProcessPaymentCommand command, Clock clock) {
        requirePending();
        Money amount = Money.of(command.amount());
        if (amount.isLessThan(totalAmount)) {
            throw new InvalidPaymentAmountException(orderId, amount, totalAmount);
        }
        Instant now = clock.instant();
        apply(new PaymentReceivedEvent(orderId, command.paymentId(), amount, command.paymentMethod(), now));
        confirm(now);
        return result(Map.of("status", status.code()));
    }

    // Only a pending order can fail a payment: once paid there is no payment attempt left to fail.
    @CommandHandler
    CommandResult handle(RecordPaymentFailureCommand command, Clock clock) {
        requirePending();
        apply(new PaymentFailedEvent(orderId, command.paymentId(), command.reason(), clock.instant()));
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(ShipOrderCommand command, Clock clock) {
        requireNotCancelled();
        if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) {
            throw new OrderAlreadyShippedException(orderId);
        }
        if (status != OrderStatus.CONFIRMED) {
            throw new OrderNotConfirmedException(orderId, status);
        }
        apply(new OrderShippedEvent(orderId, command.trackingNumber(), command.carrier(), clock.instant()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trackingNumber", command.trackingNumber());
        data.put("carrier", command.carrier());
        return result(data);
    }

    @CommandHandler
    CommandResult handle(DeliverOrderCommand command, Clock clock) {
        requireNotCancelled();
        if (status != OrderStatus.SHIPPED) {
            throw new OrderNotShippedException(orderId, status);
        }
        apply(new OrderDeliveredEvent(orderId, clock.instant(), command.signedBy()));
        return result(Map.of());
    }

    @CommandHandler
    CommandResult handle(CancelOrderCommand command, Clock clock) {
        if (status == OrderStatus.CANCELLED) {
            return result(Map.of());
        }
        if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) {
            throw new OrderAlreadyShippedException(orderId);
        }
        apply(new OrderCancelledEvent(orderId, command.reason(), command.cancelledBy(), clock.instant()));
        return result(Map.of());
    }

    // The payment deadline: a payment recorded before this command arrives wins, and a repeat changes nothing.
    @CommandHandler
    CommandResult handle(CancelUnpaidOrderCommand command, Clock clock) {
        if (status != OrderStatus.PENDING) {
            return result(Map.of());
        }
        apply(new OrderCancelledEvent(orderId, command.reason(), command.cancelledBy(), clock.instant()));
        return result(Map.of());
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        totalAmount = event.totalAmount();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PaymentReceivedEvent event) {
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderConfirmedEvent event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderShippedEvent event) {
        status = OrderStatus.SHIPPED;
    }

    @EventSourcingHandler
    void on(OrderDeliveredEvent event) {
        status = OrderStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    // Kept as its own step with the spec's guard so a future stand-alone confirmation cannot skip payment.
    private void confirm(Instant now) {
        if (status != OrderStatus.PAID) {
            throw new OrderNotPaidException(orderId, status);
        }
        apply(new OrderConfirmedEvent(orderId, now));
    }

    private void requireNotCancelled() {
        if (status == OrderStatus.CANCELLED) {
            throw new OrderCancelledException(orderId);
        }
    }

    private void requirePending() {
        requireNotCancelled();
        if (status != OrderStatus.PENDING) {
            throw new OrderNotPendingException(orderId, status);
        }
    }

    // getVersion() is the 0-based sequence number of the last event, so the stream holds one event more.
    private CommandResult result(Map<String, Object> data) {
        return new CommandResult(orderId, AggregateLifecycle.getVersion() + 1, data);
    }

    Order() {
        // required by Axon
    }
}
