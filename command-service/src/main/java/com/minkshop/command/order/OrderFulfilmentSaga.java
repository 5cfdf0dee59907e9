package com.minkshop.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import com.minkshop.command.config.OrderProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes the stock follow an order: reserved when the order is placed, shipped with it, returned when it is
 * cancelled. An order whose stock cannot be reserved is cancelled by the system, even if it was paid in the
 * meantime (payment does not wait for the reservations; refunding it is left to a person). An order that stays
 * unpaid for {@code minkshop.orders.payment-timeout} is cancelled by the system, which releases its stock.
 * <p>
 * The payment deadline lives in the deadline manager's table ({@code scheduled_tasks}, db-scheduler), so it
 * survives restarts and fires on exactly one instance; its id is kept here so payment can cancel just this one.
 * <p>
 * Commands are sent with {@code sendAndWait}: the simple command bus runs them on this thread inside the saga's
 * unit of work, so their events commit in the same transaction as the saga's state, and a retried event starts
 * from a state that matches the store. A refused command ({@link ErrorCode#isRefusal()}) is a business answer and
 * handled here; any other failure (a fault, an unreachable database) is thrown so the processor rolls back and
 * retries.
 */
@Saga
@ProcessingGroup(OrderFulfilmentSaga.PROCESSING_GROUP)
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OrderFulfilmentSaga {

    // config.SagaConfig spells the same name: infrastructure must not import a feature package
    static final String PROCESSING_GROUP = "order-fulfilment";
    static final String CANCELLED_BY = "system";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String PAYMENT_TIMEOUT_REASON = "payment timeout";

    private static final Logger log = LoggerFactory.getLogger(OrderFulfilmentSaga.class);
    // the bus runs commands synchronously; only a concurrency retry on the gateway's scheduler could take long
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private String orderId;
    // Units held per product, recorded only once a reservation succeeded, so releases and shipments never guess.
    private final Map<String, Integer> reserved = new LinkedHashMap<>();
    // null when no payment deadline is pending
    private String paymentDeadlineId;

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient OrderProperties orderProperties;

    // One reservation per line, not per product: a product's reservations for an order add up anyway, and a sum
    // of lines could exceed the command's quantity limit.
    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        for (OrderLine line : event.items()) {
            String productId = line.productId();
            Optional<ErrorCode> refusal = send(new ReserveStockCommand(productId, orderId, line.quantity()));
            if (refusal.isPresent()) {
                String reason = reservationFailure(productId, refusal.get());
                releaseAll(reason);
                cancel(reason);
                return;
            }
            reserved.merge(productId, line.quantity(), Integer::sum);
        }
        // after the reservations: an order the saga is already cancelling needs no deadline
        paymentDeadlineId = deadlineManager.schedule(orderProperties.paymentTimeout(), PAYMENT_DEADLINE,
                                                     new GenericMessage<>(new PaymentDeadline(orderId),
                                                                          correlationData()));
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(PaymentReceivedEvent event) {
        cancelPaymentDeadline();
    }

    /**
     * The order is cancelled only if it is still unpaid when the command reaches it: the deadline may fire on one
     * instance while a payment is being recorded on another, before this saga has seen it.
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void on(PaymentDeadline deadline) {
        paymentDeadlineId = null;
        log.info("[SAGA] order {}: no payment within {}, cancelling it", orderId, orderProperties.paymentTimeout());
        send(new CancelUnpaidOrderCommand(orderId, PAYMENT_TIMEOUT_REASON, CANCELLED_BY))
                .ifPresent(code -> log.warn("[SAGA] order {}: payment timeout cancellation refused ({})",
                                            orderId, code));
    }

    // nothing is left to do for a shipped order: its stock has left the warehouse, and it was paid
    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderShippedEvent event) {
        cancelPaymentDeadline();
        for (String productId : reserved.keySet()) {
            send(new ShipStockCommand(productId, orderId))
                    .ifPresent(code -> log.warn("[SAGA] order {}: stock of {} not shipped ({}), released by hand?",
                                                orderId, productId, code));
        }
        reserved.clear();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelledEvent event) {
        cancelPaymentDeadline();
        releaseAll("order cancelled");
    }

    private void cancelPaymentDeadline() {
        if (paymentDeadlineId != null) {
            deadlineManager.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
    }

    // the deadline message carries the order's correlation id to the commands sent when it fires
    private static MetaData correlationData() {
        return CurrentUnitOfWork.map(UnitOfWork::getCorrelationData).orElse(MetaData.emptyInstance());
    }

    private void releaseAll(String reason) {
        for (String productId : reserved.keySet()) {
            send(new ReleaseStockCommand(productId, orderId, reason))
                    .ifPresent(code -> log.warn("[SAGA] order {}: reservation of {} not released ({})",
                                                orderId, productId, code));
        }
        reserved.clear();
    }

    // Only a shipped or delivered order refuses; it shipped before this saga saw it being placed (the saga lagged
    // behind payment and shipping), so there is nothing left to undo here but a person must look at it.
    private void cancel(String reason) {
        send(new CancelOrderCommand(orderId, reason, CANCELLED_BY)).ifPresent(code -> {
            log.error("[SAGA] order {} could not be cancelled after '{}' ({}); it needs manual attention",
                      orderId, reason, code);
            SagaLifecycle.end();
        });
    }

    private Optional<ErrorCode> send(Object command) {
        try {
            commandGateway.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(refusalIn(e).orElseThrow(() -> e));
        }
    }

    private static Optional<ErrorCode> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JSR303ViolationException) {
                return Optional.of(ErrorCode.VALIDATION_FAILED);
            }
            if (cause instanceof HandlerExecutionException handlerFailure) {
                Optional<ErrorCode> code = handlerFailure.getDetails()
                                                         .filter(ErrorCode.class::isInstance)
                                                         .map(ErrorCode.class::cast);
                if (code.isPresent()) {
                    return code.filter(ErrorCode::isRefusal);
                }
            }
        }
        return Optional.empty();
    }

    private static String reservationFailure(String productId, ErrorCode code) {
        return switch (code) {
            case INSUFFICIENT_STOCK -> "insufficient stock for " + productId;
            case PRODUCT_DISCONTINUED -> "product " + productId + " is discontinued";
            case PRODUCT_NOT_FOUND -> "product " + productId + " not found";
            default -> "stock of " + productId + " could not be reserved (" + code + ")";
        };
    }

    /** What the payment deadline carries: the order it is about. */
    public record PaymentDeadline(String orderId) {
    }

    // public, like the class: Axon creates sagas by reflection without overriding access checks
    public OrderFulfilmentSaga() {
        // required by Axon and Jackson
    }
}
