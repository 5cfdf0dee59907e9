package com.minkshop.command.monitoring;

import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The tutorial's business counters, taken from the events the command side publishes, so they count what happened
 * whoever caused it (a client or the order fulfilment saga) and never what was refused:
 * <ul>
 *   <li>{@code minkshop_business_orders_placed_total}: one per {@code OrderPlacedEvent};</li>
 *   <li>{@code minkshop_business_orders_shipped_total}: one per {@code OrderShippedEvent};</li>
 *   <li>{@code minkshop_business_revenue_total}: the amount of every {@code PaymentReceivedEvent}, i.e. money
 *       received, not money merely ordered (the tutorial counted order totals at placement, including orders that
 *       are never paid). A counter only grows: a later cancellation or refund does not subtract; the query
 *       side's dashboard has the net revenue of paid, uncancelled orders.</li>
 * </ul>
 * Events are counted once their unit of work has committed, so a command that fails at commit adds nothing.
 * Counters start at zero with every process, as Prometheus counters do.
 */
public class BusinessMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String ORDERS_PLACED = "minkshop.business.orders.placed";
    static final String ORDERS_SHIPPED = "minkshop.business.orders.shipped";
    static final String REVENUE = "minkshop.business.revenue";

    private final Counter ordersPlaced;
    private final Counter ordersShipped;
    private final Counter revenue;

    public BusinessMetrics(MeterRegistry registry) {
        ordersPlaced = Counter.builder(ORDERS_PLACED).description("Orders placed").register(registry);
        ordersShipped = Counter.builder(ORDERS_SHIPPED).description("Orders handed to a carrier")
                               .register(registry);
        revenue = Counter.builder(REVENUE).description("Money received in payments, in the shop's currency")
                         .register(registry);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        return (index, event) -> {
            Runnable count = countOf(event.getPayload());
            if (count != null) {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().root().afterCommit(done -> count.run());
                } else {
                    count.run();
                }
            }
            return event;
        };
    }

    private Runnable countOf(Object payload) {
        if (payload instanceof OrderPlacedEvent) {
            return ordersPlaced::increment;
        }
        if (payload instanceof OrderShippedEvent) {
            return ordersShipped::increment;
        }
        if (payload instanceof PaymentReceivedEvent payment) {
            return () -> revenue.increment(payment.amount().amount().doubleValue());
        }
        return null;
    }
}
