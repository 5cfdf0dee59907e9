package com.minkshop.query.dashboard;

import com.minkshop.api.common.Money;
import com.minkshop.api.dashboard.ActivityItem;
import com.minkshop.api.dashboard.DashboardSummary;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.RefundIssuedEvent;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.api.product.PriceChangedEvent;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.ProductDiscontinuedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.api.product.StockReleasedEvent;
import com.minkshop.api.product.StockReservedEvent;
import com.minkshop.api.product.StockShippedEvent;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.ProjectorDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@IntegrationTest
class DashboardProjectorIT {

    private static final Instant T0 = Instant.parse("2026-03-04T08:00:00Z");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");

    @Autowired
    private DashboardProjector projector;
    @Autowired
    private DashboardQueries queries;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private ProjectorDriver driver;
    private int clock;

    @BeforeEach
    void setUp() {
        driver = new ProjectorDriver(projector, transactionManager);
        driver.reset();
    }

    @Test
    void emptyDashboardListsEveryStatus() {
        DashboardSummary stats = queries.summary();

        assertThat(stats.totalOrders()).isZero();
        assertThat(stats.ordersByStatus()).containsExactly(entry("pending", 0L), entry("paid", 0L),
                                                           entry("confirmed", 0L), entry("shipped", 0L),
                                                           entry("delivered", 0L), entry("cancelled", 0L));
        assertThat(stats.totalRevenue()).isEqualTo(Money.of("0.00"));
        assertThat(stats.lowStockThreshold()).isEqualTo(10);
        assertThat(stats.recentActivity()).isEmpty();
    }

    @Test
    void ordersAreCountedPerStatusAndOnlyPaidNotCancelledOnesEarnRevenue() {
        driver.applyStream("ORDER-A", placed("ORDER-A", "10.00"));
        driver.applyStream("ORDER-B", placed("ORDER-B", "70.77"), paid("ORDER-B", "70.77"), confirmed("ORDER-B"),
                           new OrderShippedEvent("ORDER-B", "TRACK", "UPS", next()));
        driver.applyStream("ORDER-C", placed("ORDER-C", "30.00"), paid("ORDER-C", "30.00"),
                           new OrderCancelledEvent("ORDER-C", "customer request", "customer", next()),
                           new RefundIssuedEvent("ORDER-C", "REF-1", Money.of("30.00"), "cancelled", next()));
        driver.applyStream("ORDER-D", placed("ORDER-D", "5.00"), paid("ORDER-D", "5.00"));
        driver.applyStream("ORDER-E", placed("ORDER-E", "1.50"),
                           new PaymentFailedEvent("ORDER-E", "PAY-X", "declined", next()), paid("ORDER-E", "1.50"),
                           confirmed("ORDER-E"), new OrderShippedEvent("ORDER-E", "T", "DHL", next()),
                           new OrderDeliveredEvent("ORDER-E", next(), "Jane"));

        DashboardSummary stats = queries.summary();
        assertThat(stats.totalOrders()).isEqualTo(5);
        assertThat(stats.ordersByStatus()).containsExactly(entry("pending", 1L), entry("paid", 1L),
                                                           entry("confirmed", 0L), entry("shipped", 1L),
                                                           entry("delivered", 1L), entry("cancelled", 1L));
        assertThat(stats.totalRevenue()).isEqualTo(Money.of("77.27"));
    }

    @Test
    void revenueHoldsOrdersAsLargeAsTheCommandSideAccepts() {
        // 100 lines of 1,000,000 units at 9,999,999,999.99, taxed at 100%: beyond 17 integer digits
        driver.applyStream("ORDER-BIG", placed("ORDER-BIG", "1999999999998000000.00"),
                           paid("ORDER-BIG", "1999999999998000000.00"));

        assertThat(queries.summary().totalRevenue()).isEqualTo(Money.of("1999999999998000000.00"));
    }

    @Test
    void lowStockFollowsEveryStockMovementAndIgnoresDiscontinuedProducts() {
        driver.applyStream("P1", created("P1", "Widget", 12));
        driver.applyStream("P2", created("P2", "Gadget", 3));
        assertThat(lowStock()).isEqualTo(1);

        driver.apply("P1", 1, new StockReservedEvent("P1", 5, "O1", next()));
        assertThat(lowStock()).isEqualTo(2);

        driver.apply("P2", 1, new StockAddedEvent("P2", 20, "PO-1", next()));
        assertThat(lowStock()).isEqualTo(1);

        driver.apply("P1", 2, new StockReleasedEvent("P1", 5, "O1", "timeout", next()));
        assertThat(lowStock()).isZero();

        driver.apply("P1", 3, new StockReservedEvent("P1", 4, "O2", next()));
        driver.apply("P1", 4, new StockShippedEvent("P1", 4, "O2", next()));
        assertThat(lowStock()).isEqualTo(1);

        driver.apply("P1", 5, new ProductDiscontinuedEvent("P1", "recalled", next()));
        DashboardSummary stats = queries.summary();
        assertThat(stats.lowStockProducts()).isZero();
        assertThat(stats.totalProducts()).isEqualTo(2);
    }

    @Test
    void recentActivityUsesTheTutorialTextsNewestFirst() {
        driver.applyStream("PROD-001", created("PROD-001", "Super Widget", 100),
                           new StockAddedEvent("PROD-001", 50, "PO-7", next()),
                           new PriceChangedEvent("PROD-001", Money.of("29.99"), Money.of("27.50"), "sale", next()));
        driver.applyStream("ORDER-001", placed("ORDER-001", "70.77"), paid("ORDER-001", "70.77"),
                           confirmed("ORDER-001"), new OrderShippedEvent("ORDER-001", "1Z9", "UPS", next()));
        driver.applyStream("ORDER-002", placed("ORDER-002", "9.99"),
                           new OrderCancelledEvent("ORDER-002", "customer request", "customer", next()));

        assertThat(queries.summary().recentActivity()).extracting(ActivityItem::description).containsExactly(
                "Order #ORDER-002 cancelled: customer request",
                "New order #ORDER-002 for $9.99",
                "Order #ORDER-001 shipped via UPS",
                "Payment received for order #ORDER-001: $70.77",
                "New order #ORDER-001 for $70.77",
                "Price of Super Widget changed from $29.99 to $27.50",
                "Stock added: 50 units to PROD-001",
                "New product: Super Widget ($29.99)");
        assertThat(queries.summary().recentActivity().get(0))
                .extracting(ActivityItem::type, ActivityItem::timestamp)
                .containsExactly("order_cancelled", T0.plusSeconds(clock));
    }

    @Test
    void onlyTheTenNewestActivitiesAreKept() {
        driver.applyStream("P1", created("P1", "Widget", 0));
        for (int i = 1; i <= 11; i++) {
            driver.apply("P1", i, new StockAddedEvent("P1", i, "PO-" + i, next()));
        }

        List<ActivityItem> activity = queries.summary().recentActivity();
        assertThat(activity).hasSize(10);
        assertThat(activity.get(0).description()).isEqualTo("Stock added: 11 units to P1");
        assertThat(activity.get(9).description()).isEqualTo("Stock added: 2 units to P1");
    }

    @Test
    void replayedEventsAreNotCountedTwice() {
        Object[] product = {created("P1", "Widget", 12), new StockReservedEvent("P1", 5, "O1", next()),
                new StockAddedEvent("P1", 1, "PO", next())};
        Object[] order = {placed("O1", "12.00"), paid("O1", "12.00"), confirmed("O1")};
        driver.applyStream("P1", product);
        driver.applyStream("O1", order);
        DashboardSummary live = queries.summary();

        driver.applyStream("P1", product);
        driver.applyStream("O1", order);
        driver.apply("O1", 1, order[1]);

        assertThat(queries.summary()).isEqualTo(live);
        assertThat(live.totalOrders()).isEqualTo(1);
        assertThat(live.totalRevenue()).isEqualTo(Money.of("12.00"));
        assertThat(live.lowStockProducts()).isEqualTo(1);
        assertThat(live.ordersByStatus()).contains(Map.entry("confirmed", 1L));
    }

    @Test
    void eventsForUnknownAggregatesFail() {
        assertThatThrownBy(() -> driver.apply("O404", 1, paid("O404", "1.00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> driver.apply("P404", 1, new StockAddedEvent("P404", 1, "PO", next())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queries.summary().recentActivity()).isEmpty();
    }

    private long lowStock() {
        return queries.summary().lowStockProducts();
    }

    private Instant next() {
        clock++;
        return T0.plusSeconds(clock);
    }

    private ProductCreatedEvent created(String id, String name, int stock) {
        return new ProductCreatedEvent(id, "SKU-" + id, name, "", Money.of("29.99"), stock, next());
    }

    private OrderPlacedEvent placed(String id, String total) {
        return new OrderPlacedEvent(id, "CUST-001", "CART-" + id,
                                    List.of(OrderLine.of("P1", "Widget", 1, Money.of(total))), ADDRESS,
                                    Money.of(total), Money.ZERO, Money.ZERO, Money.of(total), next());
    }

    private PaymentReceivedEvent paid(String id, String amount) {
        return new PaymentReceivedEvent(id, "PAY-" + id, Money.of(amount), "credit_card", next());
    }

    private OrderConfirmedEvent confirmed(String id) {
        return new OrderConfirmedEvent(id, next());
    }
}
