package com.minkshop.command.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.product.AddStockCommand;
import com.minkshop.api.product.ChangePriceCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.DiscontinueProductCommand;
import com.minkshop.api.product.ReleaseStockCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.api.product.ShipStockCommand;
import com.minkshop.command.ShopClient;
import com.minkshop.command.SnapshotRoundTrip;
import com.minkshop.command.SnapshotRoundTrip.Outcome;
import com.minkshop.command.SnapshotRoundTrip.Run;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.minkshop.command.product.ProductTestData.CLOCK;
import static com.minkshop.command.product.ProductTestData.DESCRIPTION;
import static com.minkshop.command.product.ProductTestData.NAME;
import static com.minkshop.command.product.ProductTestData.NEW_PRICE;
import static com.minkshop.command.product.ProductTestData.PRICE;
import static com.minkshop.command.product.ProductTestData.PRODUCT_ID;
import static com.minkshop.command.product.ProductTestData.SKU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product restored from its JSON snapshot behaves exactly like one replayed from all its events.
 */
class ProductSnapshotTest {

    // inserted in this order, which is not alphabetical, so a sorted or hashed map would show
    private static final String FIRST_ORDER = "ORDER-B";
    private static final String SECOND_ORDER = "ORDER-A";
    private static final String SHIPPED_ORDER = "ORDER-C";

    private final SnapshotRoundTrip<Product> roundTrip = new SnapshotRoundTrip<>(Product.class, CLOCK);

    // 8 events: created (stock 10), four reservations, a price change, 5 added, one shipment; available 10
    private final List<Object> history = List.of(
            new CreateProductCommand(PRODUCT_ID, SKU, NAME, DESCRIPTION, PRICE, 10),
            new ReserveStockCommand(PRODUCT_ID, FIRST_ORDER, 2),
            new ReserveStockCommand(PRODUCT_ID, SECOND_ORDER, 1),
            new ReserveStockCommand(PRODUCT_ID, FIRST_ORDER, 1),
            new ReserveStockCommand(PRODUCT_ID, SHIPPED_ORDER, 1),
            new ChangePriceCommand(PRODUCT_ID, NEW_PRICE, "promotion"),
            new AddStockCommand(PRODUCT_ID, 5, "PO-1"),
            new ShipStockCommand(PRODUCT_ID, SHIPPED_ORDER));

    private final List<Object> followUps = List.of(
            new ReserveStockCommand(PRODUCT_ID, "ORDER-X", 11),
            new ReleaseStockCommand(PRODUCT_ID, FIRST_ORDER, "cancelled"),
            new ShipStockCommand(PRODUCT_ID, SECOND_ORDER),
            new ReleaseStockCommand(PRODUCT_ID, SHIPPED_ORDER, "too late"),
            new ReserveStockCommand(PRODUCT_ID, "ORDER-Y", 13),
            new ChangePriceCommand(PRODUCT_ID, NEW_PRICE, "same price"),
            new DiscontinueProductCommand(PRODUCT_ID, "end of line"),
            new ReserveStockCommand(PRODUCT_ID, "ORDER-Z", 1),
            new DiscontinueProductCommand(PRODUCT_ID, "again"));

    @Test
    void productFromSnapshotAnswersAndAppendsExactlyAsTheReplayedOne() {
        Run replayed = roundTrip.run(PRODUCT_ID, history, followUps, false);
        Run restored = roundTrip.run(PRODUCT_ID, history, followUps, true);

        assertThat(replayed.loadedFromSnapshot()).isFalse();
        assertThat(restored.loadedFromSnapshot()).isTrue();
        assertThat(restored.outcomes()).isEqualTo(replayed.outcomes());
        assertThat(restored.appendedEvents()).isEqualTo(replayed.appendedEvents());
        // the scenario really exercises the restored state: id, stock, both reservations, price, versions
        assertThat(restored.outcomes()).extracting(Outcome::failureType).containsExactly(
                "InsufficientStockException", null, null, "ReservationNotFoundException", null, null, null,
                "ProductDiscontinuedException", null);
        assertThat(restored.outcomes().get(0).failure()).endsWith("requested 11, available 10");
        assertThat(restored.outcomes()).extracting(Outcome::result).containsExactly(
                null, CommandResult.of(PRODUCT_ID, 9), CommandResult.of(PRODUCT_ID, 10), null,
                CommandResult.of(PRODUCT_ID, 11), CommandResult.of(PRODUCT_ID, 11), CommandResult.of(PRODUCT_ID, 12),
                null, CommandResult.of(PRODUCT_ID, 12));
    }

    @Test
    void snapshotIsRevisionOneJsonOfEveryFieldWithReservationsInInsertionOrder() {
        Run restored = roundTrip.run(PRODUCT_ID, history, List.of(), true);

        assertThat(restored.snapshotRevision()).isEqualTo("1");
        assertThat(restored.snapshotSequence()).isEqualTo(7);
        JsonNode json = ShopClient.parse(restored.snapshotJson());
        assertThat(json.path("productId").asText()).isEqualTo(PRODUCT_ID);
        assertThat(json.path("price").decimalValue()).isEqualByComparingTo(NEW_PRICE);
        assertThat(json.path("availableStock").asInt()).isEqualTo(10);
        assertThat(json.path("discontinued").asBoolean(true)).isFalse();
        assertThat(json.path("reservations").fieldNames()).toIterable().containsExactly(FIRST_ORDER, SECOND_ORDER);
        assertThat(json.path("reservations").path(FIRST_ORDER).asInt()).isEqualTo(3);
    }
}
