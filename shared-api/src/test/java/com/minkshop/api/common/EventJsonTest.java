package com.minkshop.api.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.order.OrderLine;
import com.minkshop.api.order.OrderPlacedEvent;
import com.minkshop.api.order.ShippingAddress;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private static final OrderPlacedEvent EVENT = new OrderPlacedEvent(
            "ORDER-001", "CUST-001", "CART-001",
            List.of(OrderLine.of("PROD-001", "Super Widget", 2, Money.of("29.99"))),
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA"),
            Money.of("59.98"), Money.of("5.99"), Money.of("4.80"), Money.of("70.77"),
            Instant.parse("2026-11-27T10:15:30.123Z"));

    private final Serializer serializer = EventJson.serializer();

    @Test
    void storesEventsAsReadableJsonUnderTheirClassName() throws Exception {
        SerializedObject<byte[]> serialized = serializer.serialize(EVENT, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo("com.minkshop.api.order.OrderPlacedEvent");
        String text = new String(serialized.getData(), StandardCharsets.UTF_8);
        // amounts are JSON numbers at cent scale, so readers get exact decimals
        assertThat(text).contains("\"tax\":4.80", "\"totalAmount\":70.77", "\"subtotal\":59.98");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("placedAt").asText()).isEqualTo("2026-11-27T10:15:30.123Z");
        assertThat(json.at("/shippingAddress/city").asText()).isEqualTo("New York");
    }

    @Test
    void readsWhatItWrote() {
        SerializedObject<byte[]> serialized = serializer.serialize(EVENT, byte[].class);

        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(EVENT);
    }

    @Test
    void toleratesFieldsItDoesNotKnowSoOldReadersSurviveNewEventVersions() {
        String json = "{\"orderId\":\"ORDER-001\",\"paymentId\":\"PAY-001\",\"reason\":\"declined\","
                + "\"failedAt\":\"2026-11-27T10:15:30Z\",\"addedLater\":42}";
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType("com.minkshop.api.order.PaymentFailedEvent", null));

        Object event = serializer.deserialize(serialized);

        assertThat(event).hasFieldOrPropertyWithValue("reason", "declined")
                         .hasFieldOrPropertyWithValue("failedAt", Instant.parse("2026-11-27T10:15:30Z"));
    }

    @Revision("7")
    record Revised(String name) {
    }

    @Test
    void writesEachClassWithItsRevisionEveryTime() {
        for (int i = 0; i < 2; i++) { // the second time from the cache
            assertThat(serializer.serialize(new Revised("a"), byte[].class).getType())
                    .isEqualTo(new SimpleSerializedType(Revised.class.getName(), "7"));
            assertThat(serializer.serialize(EVENT, byte[].class).getType().getRevision()).isNull();
        }
    }

    @Test
    void resolvesStoredTypeNamesAgainAndAgainAndLeavesUnknownOnesUnknown() {
        SimpleSerializedType placed = new SimpleSerializedType(OrderPlacedEvent.class.getName(), null);
        SimpleSerializedType gone = new SimpleSerializedType("com.minkshop.api.order.RemovedLongAgoEvent", null);
        for (int i = 0; i < 2; i++) {
            assertThat(serializer.classForType(placed)).isEqualTo(OrderPlacedEvent.class);
            assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
            assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        }
        Object unknown = serializer.deserialize(new SimpleSerializedObject<>(
                "{}".getBytes(StandardCharsets.UTF_8), byte[].class, gone));
        assertThat(unknown).isInstanceOf(UnknownSerializedType.class);
    }

    @Test
    void givesEverySerializerItsOwnMapper() {
        assertThat(EventJson.mapper()).isNotSameAs(EventJson.mapper());
    }
}
