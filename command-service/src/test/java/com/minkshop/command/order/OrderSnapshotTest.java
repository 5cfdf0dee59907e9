package com.minkshop.command.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.order.CancelOrderCommand;
import com.minkshop.api.order.DeliverOrderCommand;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.order.RecordPaymentFailureCommand;
import com.minkshop.api.order.ShipOrderCommand;
import com.minkshop.command.ShopClient;
import com.minkshop.command.SnapshotRoundTrip;
import com.minkshop.command.SnapshotRoundTrip.Outcome;
import com.minkshop.command.SnapshotRoundTrip.Run;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.minkshop.command.order.OrderTestData.CARRIER;
import static com.minkshop.command.order.OrderTestData.CLOCK;
import static com.minkshop.command.order.OrderTestData.ORDER_ID;
import static com.minkshop.command.order.OrderTestData.PAYMENT_ID;
import static com.minkshop.command.order.OrderTestData.PAYMENT_METHOD;
import static com.minkshop.command.order.OrderTestData.TRACKING_NUMBER;
import static com.minkshop.command.order.OrderTestData.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order restored from its JSON snapshot behaves exactly like one replayed from all its events.
 */
class OrderSnapshotTest {

    private final SnapshotRoundTrip<Order> roundTrip = new SnapshotRoundTrip<>(Order.class, CLOCK);

    @Test
    void pendingOrderFromSnapshotKeepsItsTotalAndStatus() {
        List<Object> history = List.of(placeOrder(),
                                       new RecordPaymentFailureCommand(ORDER_ID, PAYMENT_ID, "card declined"));
        List<Object> followUps = List.of(
                new ShipOrderCommand(ORDER_ID, TRACKING_NUMBER, CARRIER),
                new ProcessPaymentCommand(ORDER_ID, "PAY-2", new BigDecimal("70.76"), PAYMENT_METHOD),
                new ProcessPaymentCommand(ORDER_ID, "PAY-2", new BigDecimal("70.77"), PAYMENT_METHOD),
                new ShipOrderCommand(ORDER_ID, TRACKING_NUMBER, CARRIER),
                new DeliverOrderCommand(ORDER_ID, "John Doe"),
                new CancelOrderCommand(ORDER_ID, "too late", "customer"));

        Run restored = assertSameBehaviour(history, followUps);

        assertThat(restored.outcomes()).extracting(Outcome::failureType).containsExactly(
                "OrderNotConfirmedException", "InvalidPaymentAmountException", null, null, null,
                "OrderAlreadyShippedException");
        assertThat(restored.outcomes().get(2).result())
                .isEqualTo(new CommandResult(ORDER_ID, 4, Map.of("status", "confirmed")));
        assertThat(restored.outcomes().get(4).result()).isEqualTo(CommandResult.of(ORDER_ID, 6));
    }

    @Test
    void confirmedOrderFromSnapshotCanStillBeCancelledButNoLongerPaid() {
        List<Object> history = List.of(
                placeOrder(),
                new ProcessPaymentCommand(ORDER_ID, PAYMENT_ID, new BigDecimal("70.77"), PAYMENT_METHOD));
        List<Object> followUps = List.of(
                new ProcessPaymentCommand(ORDER_ID, "PAY-2", new BigDecimal("70.77"), PAYMENT_METHOD),
                new CancelOrderCommand(ORDER_ID, "changed my mind", "customer"),
                new ShipOrderCommand(ORDER_ID, TRACKING_NUMBER, CARRIER));

        Run restored = assertSameBehaviour(history, followUps);

        assertThat(restored.outcomes()).extracting(Outcome::failureType).containsExactly(
                "OrderNotPendingException", null, "OrderCancelledException");
        assertThat(restored.outcomes().get(1).result()).isEqualTo(CommandResult.of(ORDER_ID, 4));
        JsonNode json = ShopClient.parse(restored.snapshotJson());
        assertThat(restored.snapshotRevision()).isEqualTo("1");
        assertThat(json.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(json.path("totalAmount").decimalValue()).isEqualByComparingTo("70.77");
    }

    private Run assertSameBehaviour(List<Object> history, List<Object> followUps) {
        Run replayed = roundTrip.run(ORDER_ID, history, followUps, false);
        Run restored = roundTrip.run(ORDER_ID, history, followUps, true);
        assertThat(replayed.loadedFromSnapshot()).isFalse();
        assertThat(restored.loadedFromSnapshot()).isTrue();
        assertThat(restored.outcomes()).isEqualTo(replayed.outcomes());
        assertThat(restored.appendedEvents()).isEqualTo(replayed.appendedEvents());
        return restored;
    }
}
