package com.minkshop.query.order;

import com.minkshop.api.common.Money;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderConfirmedEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.OrderShippedEvent;
import com.minkshop.api.order.OrderSummary;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.RefundIssuedEvent;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.ProjectorDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OrderProjectorIT {

    private static final Instant T0 = Instant.parse("2026-03-03T12:00:00Z");
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");
    private static final List<OrderLine> LINES =
            List.of(OrderLine.of("PROD-001", "Super Widget", 2, Money.of("29.99")));

    @Autowired
    private OrderProjector projector;
    @Autowired
    private OrderQueries queries;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private ProjectorDriver driver;
    private String id;

    @BeforeEach
    void setUp() {
        driver = new ProjectorDriver(projector, transactionManager);
        id = "ORDER-" + UUID.randomUUID();
    }

    @Test
    void placedOrderIsPendingWithItsAmountsAndAddress() {
        driver.applyStream(id, placed());

        OrderSummary order = view();
        assertThat(order.customerId()).isEqualTo("CUST-001");
        assertThat(order.cartId()).isEqualTo("CART-001");
        assertThat(order.status()).isEqualTo("pending");
        assertThat(order.items()).containsExactlyElementsOf(LINES);
        assertThat(order.itemCount()).isEqualTo(2);
        assertThat(order.subtotal()).isEqualTo(Money.of("59.98"));
        assertThat(order.shippingCost()).isEqualTo(Money.of("5.99"));
        assertThat(order.tax()).isEqualTo(Money.of("4.80"));
        assertThat(order.totalAmount()).isEqualTo(Money.of("70.77"));
        assertThat(order.shippingAddress()).isEqualTo(ADDRESS);
        assertThat(order.placedAt()).isEqualTo(T0);
        assertThat(order.paidAt()).isNull();
        assertThat(order.version()).isEqualTo(1);
    }

    @Test
    void failedPaymentKeepsTheOrderPendingButMovesItsVersion() {
        driver.applyStream(id, placed(), new PaymentFailedEvent(id, "PAY-0", "card declined", T0.plusSeconds(1)));

        OrderSummary order = view();
        assertThat(order.status()).isEqualTo("pending");
        assertThat(order.paymentId()).isNull();
        assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(order.version()).isEqualTo(2);
    }

    @Test
    void orderGoesThroughPaymentConfirmationShippingAndDelivery() {
        driver.applyStream(id, placed(), paid());
        assertThat(view()).extracting(OrderSummary::status, OrderSummary::paymentId, OrderSummary::paymentMethod,
                                      OrderSummary::paidAt)
                          .containsExactly("paid", "PAY-001", "credit_card", T0.plusSeconds(2));

        driver.apply(id, 2, new OrderConfirmedEvent(id, T0.plusSeconds(2)));
        assertThat(view()).extracting(OrderSummary::status, OrderSummary::confirmedAt)
                          .containsExactly("confirmed", T0.plusSeconds(2));

        driver.apply(id, 3, new OrderShippedEvent(id, "1Z999AA10123456784", "UPS", T0.plusSeconds(60)));
        assertThat(view()).extracting(OrderSummary::status, OrderSummary::trackingNumber, OrderSummary::carrier,
                                      OrderSummary::shippedAt)
                          .containsExactly("shipped", "1Z999AA10123456784", "UPS", T0.plusSeconds(60));

        driver.apply(id, 4, new OrderDeliveredEvent(id, T0.plusSeconds(3600), "John Doe"));
        OrderSummary order = view();
        assertThat(order.status()).isEqualTo("delivered");
        assertThat(order.deliveredAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(order.version()).isEqualTo(5);
    }

    @Test
    void cancelledOrderKeepsItsReasonAndRefundMovesTheVersion() {
        driver.applyStream(id, placed(), paid(),
                           new OrderCancelledEvent(id, "changed my mind", "customer", T0.plusSeconds(5)),
                           new RefundIssuedEvent(id, "REF-1", Money.of("70.77"), "cancelled", T0.plusSeconds(6)));

        OrderSummary order = view();
        assertThat(order.status()).isEqualTo("cancelled");
        assertThat(order.cancellationReason()).isEqualTo("changed my mind");
        assertThat(order.cancelledAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(order.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(order.version()).isEqualTo(4);
    }

    @Test
    void replayedEventsDoNotChangeTheView() {
        Object[] stream = {placed(),
                new PaymentFailedEvent(id, "PAY-0", "declined", T0.plusSeconds(1)),
                paid(),
                new OrderConfirmedEvent(id, T0.plusSeconds(3)),
                new OrderShippedEvent(id, "TRACK", "DHL", T0.plusSeconds(4)),
                new OrderDeliveredEvent(id, T0.plusSeconds(5), null)};
        driver.applyStream(id, stream);
        OrderSummary live = view();

        driver.applyStream(id, stream);
        driver.apply(id, 2, stream[2]);

        assertThat(view()).isEqualTo(live);
        assertThat(live.status()).isEqualTo("delivered");
        assertThat(live.version()).isEqualTo(6);
    }

    @Test
    void theLargestOrderTheCommandSideAcceptsFitsTheView() {
        // 100 lines of 1,000,000 units at the highest accepted price, taxed at 100%, with the highest shipping cost
        Money price = Money.of("9999999999.99");
        List<OrderLine> lines = IntStream.range(0, 100)
                                         .mapToObj(i -> OrderLine.of("PROD-" + i, "Widget", 1_000_000, price))
                                         .toList();
        Money subtotal = lines.stream().map(OrderLine::subtotal).reduce(Money.ZERO, Money::plus);
        Money total = subtotal.plus(price).plus(subtotal);

        driver.applyStream(id, new OrderPlacedEvent(id, "CUST-001", "CART-001", lines, ADDRESS, subtotal, price,
                                                    subtotal, total, T0));

        OrderSummary order = view();
        assertThat(order.subtotal()).isEqualTo(Money.of("999999999999000000.00"));
        assertThat(order.totalAmount()).isEqualTo(Money.of("2000000009997999999.99"));
        assertThat(order.items()).hasSize(100).allSatisfy(line -> assertThat(line.unitPrice()).isEqualTo(price));
    }

    @Test
    void eventForUnknownOrderFails() {
        assertThatThrownBy(() -> driver.apply(id, 1, paid())).isInstanceOf(IllegalStateException.class)
                                                            .hasMessageContaining(id);
    }

    private OrderPlacedEvent placed() {
        return new OrderPlacedEvent(id, "CUST-001", "CART-001", LINES, ADDRESS, Money.of("59.98"), Money.of("5.99"),
                                    Money.of("4.80"), Money.of("70.77"), T0);
    }

    private PaymentReceivedEvent paid() {
        return new PaymentReceivedEvent(id, "PAY-001", Money.of("70.77"), "credit_card", T0.plusSeconds(2));
    }

    private OrderSummary view() {
        return queries.find(id).orElseThrow();
    }
}
