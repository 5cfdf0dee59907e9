package com.minkshop.command.order;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.DeliverOrderCommand;
import com.minkshop.api.order.OrderCancelledEvent;
import com.minkshop.api.order.OrderDeliveredEvent;
import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.PaymentFailedEvent;
import com.minkshop.api.order.PaymentReceivedEvent;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.order.RecordPaymentFailureCommand;
import com.minkshop.api.order.ShipOrderCommand;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static com.minkshop.command.order.OrderTestData.ADDRESS;
import static com.minkshop.command.order.OrderTestData.CARRIER;
import static com.minkshop.command.order.OrderTestData.CART_ID;
import static com.minkshop.command.order.OrderTestData.CLOCK;
import static com.minkshop.command.order.OrderTestData.CUSTOMER_ID;
import static com.minkshop.command.order.OrderTestData.NOW;
import static com.minkshop.command.order.OrderTestData.ORDER_ID;
import static com.minkshop.command.order.OrderTestData.PAYMENT_ID;
import static com.minkshop.command.order.OrderTestData.PAYMENT_METHOD;
import static com.minkshop.command.order.OrderTestData.SHIPPING_COST;
import static com.minkshop.command.order.OrderTestData.SUBTOTAL;
import static com.minkshop.command.order.OrderTestData.TAX;
import static com.minkshop.command.order.OrderTestData.TOTAL;
import static com.minkshop.command.order.OrderTestData.TRACKING_NUMBER;
import static com.minkshop.command.order.OrderTestData.cancelled;
import static com.minkshop.command.order.OrderTestData.confirmed;
import static com.minkshop.command.order.OrderTestData.delivered;
import static com.minkshop.command.order.OrderTestData.paid;
import static com.minkshop.command.order.OrderTestData.placeOrder;
import static com.minkshop.command.order.OrderTestData.placed;
import static com.minkshop.command.order.OrderTestData.shipped;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static ProcessPaymentCommand pay(String amount) {
        return new ProcessPaymentCommand(ORDER_ID, PAYMENT_ID, new BigDecimal(amount), PAYMENT_METHOD);
    }

    private static RecordPaymentFailureCommand failPayment() {
        return new RecordPaymentFailureCommand(ORDER_ID, PAYMENT_ID, "card declined");
    }

    private static ShipOrderCommand ship() {
        return new ShipOrderCommand(ORDER_ID, TRACKING_NUMBER, CARRIER);
    }

    private static DeliverOrderCommand deliver() {
        return new DeliverOrderCommand(ORDER_ID, "John Doe");
    }

    private static CancelOrderCommand cancel() {
        return new CancelOrderCommand(ORDER_ID, "changed my mind", "customer");
    }

    // --- PlaceOrder ---

    @Test
    void canPlaceOrderPricedByTheServer() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "pending");
        data.put("subtotal", SUBTOTAL);
        data.put("tax", TAX);
        data.put("shippingCost", Money.of(SHIPPING_COST));
        data.put("totalAmount", TOTAL);
        fixture.givenNoPriorActivity()
               .when(placeOrder())
               .expectSuccessfulHandlerExecution()
               .expectEvents(placed())
               .expectResultMessagePayload(new CommandResult(ORDER_ID, 1, data));
    }

    @Test
    void placingOrderComputesLineSubtotalsAndRoundsTaxHalfUp() {
        PlaceOrderCommand command = new PlaceOrderCommand(
                ORDER_ID, CUSTOMER_ID, CART_ID,
                List.of(new OrderItem("PROD-001", "Widget", 3, new BigDecimal("1.70"), null),
                        new OrderItem("PROD-002", "Gadget", 1, new BigDecimal("5.00"), null)),
                ADDRESS, BigDecimal.ZERO, new BigDecimal("0.05"));
        // subtotal 10.10; 10.10 x 0.05 = 0.505 rounds half-up to 0.51
        fixture.givenNoPriorActivity()
               .when(command)
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, CART_ID,
                                                  List.of(OrderLine.of("PROD-001", "Widget", 3, Money.of("1.70")),
                                                          OrderLine.of("PROD-002", "Gadget", 1, Money.of("5.00"))),
                                                  ADDRESS, Money.of("10.10"), Money.ZERO, Money.of("0.51"),
                                                  Money.of("10.61"), NOW));
    }

    // --- ProcessPayment ---

    @Test
    void canPayPendingOrderWhichConfirmsIt() {
        fixture.given(placed())
               .when(pay("70.77"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(paid(), confirmed())
               .expectResultMessagePayload(new CommandResult(ORDER_ID, 3, Map.of("status", "confirmed")));
    }

    @Test
    void theLargestOrderThatCanBePlacedCanBePaidInFull() {
        BigDecimal highestPrice = new BigDecimal("9999999999.99");
        PlaceOrderCommand largest = new PlaceOrderCommand(
                ORDER_ID, CUSTOMER_ID, CART_ID,
                IntStream.range(0, 100)
                         .mapToObj(line -> new OrderItem("PROD-" + line, "Widget", 1_000_000, highestPrice, null))
                         .toList(),
                ADDRESS, highestPrice, BigDecimal.ONE);
        AtomicReference<Object> total = new AtomicReference<>();
        fixture.givenNoPriorActivity()
               .when(largest)
               .expectResultMessagePayloadMatching(Matchers.predicate(
                       result -> total.compareAndSet(null, ((CommandResult) result).data().get("totalAmount"))));
        ProcessPaymentCommand payInFull = pay(total.get().toString());

        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            assertThat(validation.getValidator().validate(largest)).isEmpty();
            assertThat(validation.getValidator().validate(payInFull)).isEmpty();
        }
        new AggregateTestFixture<>(Order.class).registerInjectableResource(CLOCK)
                                               .givenCommands(largest)
                                               .when(payInFull)
                                               .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotUnderpayByOneCent() {
        fixture.given(placed())
               .when(pay("70.76"))
               .expectException(InvalidPaymentAmountException.class)
               .expectExceptionMessage("invalid payment amount for order ORDER-001: paid 70.76, due 70.77")
               .expectNoEvents();
    }

    @Test
    void canOverpayOrder() {
        fixture.given(placed())
               .when(pay("80.00"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PaymentReceivedEvent(ORDER_ID, PAYMENT_ID, Money.of("80.00"), PAYMENT_METHOD, NOW),
                             confirmed());
    }

    @Test
    void canPayAfterAFailedPayment() {
        fixture.given(placed(), new PaymentFailedEvent(ORDER_ID, "PAY-000", "card declined", NOW))
               .when(pay("70.77"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(paid(), confirmed())
               .expectResultMessagePayload(new CommandResult(ORDER_ID, 4, Map.of("status", "confirmed")));
    }

    @Test
    void cannotPayTwice() {
        fixture.given(placed(), paid(), confirmed())
               .when(pay("70.77"))
               .expectException(OrderNotPendingException.class)
               .expectExceptionMessage("order ORDER-001 not pending (status: confirmed)")
               .expectNoEvents();
    }

    @Test
    void cannotPayShippedOrder() {
        fixture.given(placed(), paid(), confirmed(), shipped())
               .when(pay("70.77"))
               .expectException(OrderNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotPayCancelledOrder() {
        fixture.given(placed(), cancelled())
               .when(pay("70.77"))
               .expectException(OrderCancelledException.class)
               .expectExceptionMessage("order ORDER-001 is cancelled")
               .expectNoEvents();
    }

    @Test
    void cannotPayUnknownOrder() {
        fixture.givenNoPriorActivity()
               .when(pay("70.77"))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    // --- RecordPaymentFailure ---

    @Test
    void canRecordPaymentFailureOfPendingOrder() {
        fixture.given(placed())
               .when(failPayment())
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PaymentFailedEvent(ORDER_ID, PAYMENT_ID, "card declined", NOW))
               .expectResultMessagePayload(CommandResult.of(ORDER_ID, 2));
    }

    @Test
    void cannotRecordPaymentFailureOfPaidOrder() {
        fixture.given(placed(), paid(), confirmed())
               .when(failPayment())
               .expectException(OrderNotPendingException.class)
               .expectNoEvents();
    }

    @Test
    void cannotRecordPaymentFailureOfCancelledOrder() {
        fixture.given(placed(), cancelled())
               .when(failPayment())
               .expectException(OrderCancelledException.class)
               .expectNoEvents();
    }

    // --- ShipOrder ---

    @Test
    void canShipConfirmedOrder() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trackingNumber", TRACKING_NUMBER);
        data.put("carrier", CARRIER);
        fixture.given(placed(), paid(), confirmed())
               .when(ship())
               .expectSuccessfulHandlerExecution()
               .expectEvents(shipped())
               .expectResultMessagePayload(new CommandResult(ORDER_ID, 4, data));
    }

    @Test
    void cannotShipPendingOrder() {
        fixture.given(placed())
               .when(ship())
               .expectException(OrderNotConfirmedException.class)
               .expectExceptionMessage("order ORDER-001 not confirmed (status: pending)")
               .expectNoEvents();
    }

    @Test
    void cannotShipPaidButUnconfirmedOrder() {
        fixture.given(placed(), paid())
               .when(ship())
               .expectException(OrderNotConfirmedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotShipTwice() {
        fixture.given(placed(), paid(), confirmed(), shipped())
               .when(ship())
               .expectException(OrderAlreadyShippedException.class)
               .expectExceptionMessage("order ORDER-001 already shipped")
               .expectNoEvents();
    }

    @Test
    void cannotShipDeliveredOrder() {
        fixture.given(placed(), paid(), confirmed(), shipped(), delivered())
               .when(ship())
               .expectException(OrderAlreadyShippedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotShipCancelledOrder() {
        fixture.given(placed(), paid(), confirmed(), cancelled())
               .when(ship())
               .expectException(OrderCancelledException.class)
               .expectNoEvents();
    }

    // --- DeliverOrder ---

    @Test
    void canDeliverShippedOrder() {
        fixture.given(placed(), paid(), confirmed(), shipped())
               .when(deliver())
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrderDeliveredEvent(ORDER_ID, NOW, "John Doe"))
               .expectResultMessagePayload(CommandResult.of(ORDER_ID, 5));
    }

    @Test
    void cannotDeliverUnshippedOrder() {
        fixture.given(placed(), paid(), confirmed())
               .when(deliver())
               .expectException(OrderNotShippedException.class)
               .expectExceptionMessage("order ORDER-001 not shipped (status: confirmed)")
               .expectNoEvents();
    }

    @Test
    void cannotDeliverTwice() {
        fixture.given(placed(), paid(), confirmed(), shipped(), delivered())
               .when(deliver())
               .expectException(OrderNotShippedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotDeliverCancelledOrder() {
        fixture.given(placed(), cancelled())
               .when(deliver())
               .expectException(OrderCancelledException.class)
               .expectNoEvents();
    }

    // --- CancelOrder ---

    @Test
    void canCancelPendingOrder() {
        fixture.given(placed())
               .when(cancel())
               .expectSuccessfulHandlerExecution()
               .expectEvents(cancelled())
               .expectResultMessagePayload(CommandResult.of(ORDER_ID, 2));
    }

    @Test
    void canCancelPaidOrder() {
        fixture.given(placed(), paid())
               .when(cancel())
               .expectSuccessfulHandlerExecution()
               .expectEvents(cancelled());
    }

    @Test
    void canCancelConfirmedOrder() {
        fixture.given(placed(), paid(), confirmed())
               .when(new CancelOrderCommand(ORDER_ID, "out of stock", "admin"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrderCancelledEvent(ORDER_ID, "out of stock", "admin", NOW));
    }

    @Test
    void cancellingCancelledOrderDoesNothing() {
        fixture.given(placed(), cancelled())
               .when(cancel())
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(ORDER_ID, 2));
    }

    @Test
    void cannotCancelShippedOrder() {
        fixture.given(placed(), paid(), confirmed(), shipped())
               .when(cancel())
               .expectException(OrderAlreadyShippedException.class)
               .expectNoEvents();
    }

    @Test
    void cannotCancelDeliveredOrder() {
        fixture.given(placed(), paid(), confirmed(), shipped(), delivered())
               .when(cancel())
               .expectException(OrderAlreadyShippedException.class)
               .expectNoEvents();
    }

    // --- CancelUnpaidOrder (the payment deadline) ---

    @Test
    void thePaymentDeadlineCancelsAPendingOrder() {
        fixture.given(placed())
               .when(new CancelUnpaidOrderCommand(ORDER_ID, "payment timeout", "system"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrderCancelledEvent(ORDER_ID, "payment timeout", "system", NOW));
    }

    @Test
    void thePaymentDeadlineLeavesAnOrderPaidJustBeforeItAlone() {
        fixture.given(placed(), paid(), confirmed())
               .when(new CancelUnpaidOrderCommand(ORDER_ID, "payment timeout", "system"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(CommandResult.of(ORDER_ID, 3));
    }

    @Test
    void thePaymentDeadlineLeavesACancelledOrderAlone() {
        fixture.given(placed(), cancelled())
               .when(new CancelUnpaidOrderCommand(ORDER_ID, "payment timeout", "system"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
