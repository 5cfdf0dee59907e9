package com.minkshop.command.cart;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.cart.CartCheckedOutEvent;
import com.minkshop.api.cart.CartLine;
import com.minkshop.api.cart.ChangeItemQuantityCommand;
import com.minkshop.api.cart.CheckoutCartCommand;
import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.cart.RemoveFromCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.Money;
import com.minkshop.command.ShopClient;
import com.minkshop.command.SnapshotRoundTrip;
import com.minkshop.command.SnapshotRoundTrip.Outcome;
import com.minkshop.command.SnapshotRoundTrip.Run;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.minkshop.command.cart.CartTestData.CART_ID;
import static com.minkshop.command.cart.CartTestData.CLOCK;
import static com.minkshop.command.cart.CartTestData.CUSTOMER_ID;
import static com.minkshop.command.cart.CartTestData.ORDER_ID;
import static com.minkshop.command.cart.CartTestData.OTHER_PRODUCT_ID;
import static com.minkshop.command.cart.CartTestData.OTHER_PRODUCT_NAME;
import static com.minkshop.command.cart.CartTestData.OTHER_UNIT_PRICE;
import static com.minkshop.command.cart.CartTestData.PRODUCT_ID;
import static com.minkshop.command.cart.CartTestData.PRODUCT_NAME;
import static com.minkshop.command.cart.CartTestData.UNIT_PRICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cart restored from its JSON snapshot behaves exactly like one replayed from all its events, including the
 * order of its lines, which the checkout event lists.
 */
class CartSnapshotTest {

    private final SnapshotRoundTrip<Cart> roundTrip = new SnapshotRoundTrip<>(Cart.class, CLOCK);

    // PROD-002 is added before PROD-001, so lines in insertion order are not in alphabetical order
    private final List<Object> history = List.of(
            new CreateCartCommand(CART_ID, CUSTOMER_ID),
            new AddToCartCommand(CART_ID, OTHER_PRODUCT_ID, OTHER_PRODUCT_NAME, 1, OTHER_UNIT_PRICE),
            new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 2, UNIT_PRICE),
            new AddToCartCommand(CART_ID, "PROD-000", "Thing", 1, BigDecimal.ONE),
            new RemoveFromCartCommand(CART_ID, "PROD-000"),
            new AddToCartCommand(CART_ID, OTHER_PRODUCT_ID, OTHER_PRODUCT_NAME, 2, OTHER_UNIT_PRICE));

    private final List<Object> followUps = List.of(
            new ChangeItemQuantityCommand(CART_ID, "PROD-000", 1),
            new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE),
            new CheckoutCartCommand(CART_ID, ORDER_ID),
            new AddToCartCommand(CART_ID, PRODUCT_ID, PRODUCT_NAME, 1, UNIT_PRICE));

    @Test
    void cartFromSnapshotAnswersAndAppendsExactlyAsTheReplayedOne() {
        Run replayed = roundTrip.run(CART_ID, history, followUps, false);
        Run restored = roundTrip.run(CART_ID, history, followUps, true);

        assertThat(replayed.loadedFromSnapshot()).isFalse();
        assertThat(restored.loadedFromSnapshot()).isTrue();
        assertThat(restored.outcomes()).isEqualTo(replayed.outcomes());
        assertThat(restored.appendedEvents()).isEqualTo(replayed.appendedEvents());
        assertThat(restored.outcomes()).extracting(Outcome::failureType).containsExactly(
                "ItemNotInCartException", null, null, "CartAlreadyCheckedOutException");
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("itemCount", 6);
        added.put("totalAmount", Money.of("119.97"));
        assertThat(restored.outcomes().get(1).result()).isEqualTo(new CommandResult(CART_ID, 7, added));
        assertThat(restored.outcomes().get(2).result())
                .isEqualTo(new CommandResult(CART_ID, 8, Map.of("orderId", ORDER_ID)));
        assertThat(restored.appendedEvents().get(1)).isInstanceOfSatisfying(
                CartCheckedOutEvent.class,
                checkout -> assertThat(checkout.items()).extracting(CartLine::productId)
                                                        .containsExactly(OTHER_PRODUCT_ID, PRODUCT_ID));
    }

    @Test
    void snapshotIsRevisionOneJsonWithLinesInInsertionOrder() {
        Run restored = roundTrip.run(CART_ID, history, List.of(), true);

        assertThat(restored.snapshotRevision()).isEqualTo("1");
        assertThat(restored.snapshotSequence()).isEqualTo(5);
        JsonNode json = ShopClient.parse(restored.snapshotJson());
        assertThat(json.path("cartId").asText()).isEqualTo(CART_ID);
        assertThat(json.path("checkedOut").asBoolean(true)).isFalse();
        assertThat(json.path("lines").fieldNames()).toIterable().containsExactly(OTHER_PRODUCT_ID, PRODUCT_ID);
        assertThat(json.path("lines").path(OTHER_PRODUCT_ID).path("quantity").asInt()).isEqualTo(3);
        // constants are not state
        assertThat(json.has("MAX_LINES")).isFalse();
    }
}
