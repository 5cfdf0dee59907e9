package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.EventJson;
import com.minkshop.api.common.Money;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import com.minkshop.command.config.OrderProperties;
import com.minkshop.command.order.OrderFulfilmentSaga.PaymentDeadline;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static com.minkshop.command.order.OrderTestData.ADDRESS;
import static com.minkshop.command.order.OrderTestData.CART_ID;
import static com.minkshop.command.order.OrderTestData.CUSTOMER_ID;
import static com.minkshop.command.order.OrderTestData.NOW;
import static com.minkshop.command.order.OrderTestData.ORDER_ID;
import static com.minkshop.command.order.OrderTestData.PRODUCT_ID;
import static com.minkshop.command.order.OrderTestData.cancelled;
import static com.minkshop.command.order.OrderTestData.confirmed;
import static com.minkshop.command.order.OrderTestData.delivered;
import static com.minkshop.command.order.OrderTestData.paid;
import static com.minkshop.command.order.OrderTestData.placed;
import static com.minkshop.command.order.OrderTestData.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OrderFulfilmentSagaTest {

    private static final String OTHER_PRODUCT = "PROD-002";
    private static final String MISSING_PRODUCT = "PROD-404";
    private static final Duration PAYMENT_TIMEOUT = Duration.ofMinutes(30);

    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(new OrderProperties(PAYMENT_TIMEOUT));
    }

    @Test
    void reservesEveryLineWhenTheOrderIsPlaced() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(threeLines())
               .expectActiveSagas(1)
               .expectAssociationWith("orderId", ORDER_ID)
               .expectDispatchedCommands(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2),
                                         new ReserveStockCommand(OTHER_PRODUCT, ORDER_ID, 1),
                                         new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 3))
               .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilmentSaga.PAYMENT_DEADLINE);
    }

    @Test
    void cancelsAnOrderThatIsStillUnpaidWhenThePaymentDeadlinePasses() {
        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenTimeElapses(PAYMENT_TIMEOUT)
               .expectDeadlinesMet(new PaymentDeadline(ORDER_ID))
               .expectDispatchedCommands(new CancelUnpaidOrderCommand(ORDER_ID, "payment timeout", "system"))
               .expectNoScheduledDeadlines()
               // the saga ends with the OrderCancelled event the command produces, which releases the stock
               .expectActiveSagas(1);
    }

    @Test
    void doesNotCancelBeforeTheDeadline() {
        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenTimeElapses(PAYMENT_TIMEOUT.minusSeconds(1))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofSeconds(1), OrderFulfilmentSaga.PAYMENT_DEADLINE);
    }

    @Test
    void paymentCancelsThePaymentDeadline() {
        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenAggregate(ORDER_ID).publishes(paid())
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
    }

    @Test
    void aPaidOrderIsNotCancelledWhenTheTimeoutWouldHavePassed() {
        fixture.givenAggregate(ORDER_ID).published(placed(), paid(), confirmed())
               .whenTimeElapses(PAYMENT_TIMEOUT.plusMinutes(1))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
    }

    @Test
    void aCancelledOrderLeavesNoDeadlineBehind() {
        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenAggregate(ORDER_ID).publishes(cancelled())
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    @Test
    void aRefusedDeadlineCancellationIsLoggedNotRetried() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CancelUnpaidOrderCommand) {
                throw rejection(ErrorCode.ORDER_NOT_FOUND);
            }
            return null;
        });

        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenTimeElapses(PAYMENT_TIMEOUT)
               .expectSuccessfulHandlerExecution()
               .expectDispatchedCommands(new CancelUnpaidOrderCommand(ORDER_ID, "payment timeout", "system"));
    }

    @Test
    void shipsEachReservedProductOnceAndEndsWithTheShipment() {
        fixture.givenAggregate(ORDER_ID).published(threeLines(), paid(), confirmed())
               .whenAggregate(ORDER_ID).publishes(shipped())
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectDispatchedCommands(new ShipStockCommand(PRODUCT_ID, ORDER_ID),
                                         new ShipStockCommand(OTHER_PRODUCT, ORDER_ID));
    }

    @Test
    void hasNothingToDoOnDelivery() {
        fixture.givenAggregate(ORDER_ID).published(placed(), paid(), confirmed(), shipped())
               .whenAggregate(ORDER_ID).publishes(delivered())
               .expectActiveSagas(0)
               .expectNoDispatchedCommands();
    }

    @Test
    void releasesTheReservationsOfACancelledOrderAndEnds() {
        fixture.givenAggregate(ORDER_ID).published(threeLines())
               .whenAggregate(ORDER_ID).publishes(cancelled())
               .expectActiveSagas(0)
               .expectDispatchedCommands(new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, "order cancelled"),
                                         new ReleaseStockCommand(OTHER_PRODUCT, ORDER_ID, "order cancelled"));
    }

    @Test
    void aRefusedReservationReleasesTheOthersAndCancelsTheOrder() {
        refuse(OTHER_PRODUCT, ErrorCode.INSUFFICIENT_STOCK);
        String reason = "insufficient stock for " + OTHER_PRODUCT;

        fixture.givenNoPriorActivity()
               .whenPublishingA(threeLines())
               .expectActiveSagas(1)
               .expectDispatchedCommands(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2),
                                         new ReserveStockCommand(OTHER_PRODUCT, ORDER_ID, 1),
                                         new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, reason),
                                         new CancelOrderCommand(ORDER_ID, reason, "system"))
               // the order is being cancelled: no payment deadline for it
               .expectNoScheduledDeadlines();
    }

    @Test
    void aFailureOnTheLastLineReleasesEveryEarlierReservation() {
        refuse(MISSING_PRODUCT, ErrorCode.PRODUCT_NOT_FOUND);
        String reason = "product " + MISSING_PRODUCT + " not found";

        fixture.givenNoPriorActivity()
               .whenPublishingA(order(line(PRODUCT_ID, 2), line(OTHER_PRODUCT, 1), line(PRODUCT_ID, 3),
                                      line(MISSING_PRODUCT, 1)))
               .expectDispatchedCommands(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2),
                                         new ReserveStockCommand(OTHER_PRODUCT, ORDER_ID, 1),
                                         new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 3),
                                         new ReserveStockCommand(MISSING_PRODUCT, ORDER_ID, 1),
                                         new ReleaseStockCommand(PRODUCT_ID, ORDER_ID, reason),
                                         new ReleaseStockCommand(OTHER_PRODUCT, ORDER_ID, reason),
                                         new CancelOrderCommand(ORDER_ID, reason, "system"));
    }

    @Test
    void theCancellationThatFollowsARefusalHasNothingLeftToRelease() {
        refuse(MISSING_PRODUCT, ErrorCode.PRODUCT_NOT_FOUND);

        fixture.givenAggregate(ORDER_ID).published(order(line(PRODUCT_ID, 2), line(MISSING_PRODUCT, 1)))
               .whenAggregate(ORDER_ID).publishes(cancelled())
               .expectActiveSagas(0)
               .expectNoDispatchedCommands();
    }

    @Test
    void namesTheRefusalInTheCancellation() {
        refuse(PRODUCT_ID, ErrorCode.PRODUCT_DISCONTINUED);

        fixture.givenNoPriorActivity()
               .whenPublishingA(placed())
               .expectDispatchedCommands(new ReserveStockCommand(PRODUCT_ID, ORDER_ID, 2),
                                         new CancelOrderCommand(ORDER_ID, "product PROD-001 is discontinued",
                                                                "system"));
    }

    @Test
    void endsWhenTheOrderCannotBeCancelledAnyMore() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveStockCommand) {
                throw rejection(ErrorCode.INSUFFICIENT_STOCK);
            }
            if (command instanceof CancelOrderCommand) {
                throw rejection(ErrorCode.ORDER_ALREADY_SHIPPED);
            }
            return null;
        });

        fixture.givenNoPriorActivity()
               .whenPublishingA(placed())
               .expectActiveSagas(0);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"INTERNAL_ERROR", "SERVICE_UNAVAILABLE"})
    void aFailureThatIsNoRefusalIsThrownSoTheEventIsRetried(ErrorCode code) {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new CommandExecutionException("database down", null, code);
        });
        // as config.SagaConfig registers it for the saga's processor
        fixture.registerListenerInvocationErrorHandler(PropagatingErrorHandler.instance());

        assertThatThrownBy(() -> fixture.givenNoPriorActivity().whenPublishingA(placed()))
                .hasRootCauseInstanceOf(CommandExecutionException.class);
    }

    @Test
    void ignoresAReleaseThatFindsNoReservation() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReleaseStockCommand) {
                throw rejection(ErrorCode.RESERVATION_NOT_FOUND);
            }
            return null;
        });

        fixture.givenAggregate(ORDER_ID).published(placed())
               .whenAggregate(ORDER_ID).publishes(cancelled())
               .expectSuccessfulHandlerExecution()
               .expectActiveSagas(0);
    }

    // the saga store writes sagas with the general serializer; the injected gateway must stay out of the JSON
    @Test
    void survivesTheSagaStoresJson() {
        OrderFulfilmentSaga saga = new OrderFulfilmentSaga();
        DeadlineManager deadlines = mock(DeadlineManager.class);
        when(deadlines.schedule(any(Duration.class), anyString(), any())).thenReturn("deadline-1");
        ReflectionTestUtils.setField(saga, "deadlineManager", deadlines);
        ReflectionTestUtils.setField(saga, "orderProperties", new OrderProperties(PAYMENT_TIMEOUT));
        saga.on(new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, CART_ID, List.of(), ADDRESS, Money.ZERO, Money.ZERO,
                                     Money.ZERO, Money.ZERO, NOW));
        Serializer serializer = EventJson.serializer();

        SerializedObject<byte[]> json = serializer.serialize(saga, byte[].class);
        OrderFulfilmentSaga copy = serializer.deserialize(json);

        assertThat(new String(json.getData()))
                .isEqualTo("{\"orderId\":\"ORDER-001\",\"reserved\":{},\"paymentDeadlineId\":\"deadline-1\"}");
        assertThat(copy).usingRecursiveComparison()
                        .ignoringFields("commandGateway", "deadlineManager", "orderProperties").isEqualTo(saga);
    }

    private void refuse(String productId, ErrorCode code) {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveStockCommand reserve && reserve.productId().equals(productId)) {
                throw rejection(code);
            }
            return null;
        });
    }

    private static CommandExecutionException rejection(ErrorCode code) {
        return new CommandExecutionException(code.title(), null, code);
    }

    private static OrderPlacedEvent threeLines() {
        return order(line(PRODUCT_ID, 2), line(OTHER_PRODUCT, 1), line(PRODUCT_ID, 3));
    }

    private static OrderLine line(String productId, int quantity) {
        return OrderLine.of(productId, "Widget " + productId, quantity, Money.of(new BigDecimal("1.00")));
    }

    private static OrderPlacedEvent order(OrderLine... lines) {
        OrderPlacedEvent template = placed();
        return new OrderPlacedEvent(ORDER_ID, CUSTOMER_ID, CART_ID, List.of(lines), ADDRESS,
                                    template.subtotal(), template.shippingCost(), template.tax(),
                                    template.totalAmount(), NOW);
    }
}
