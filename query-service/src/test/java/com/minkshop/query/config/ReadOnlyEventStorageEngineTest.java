package com.minkshop.query.config;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnlyEventStorageEngineTest {

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final ReadOnlyEventStorageEngine engine = new ReadOnlyEventStorageEngine(store);

    @Test
    void neverAppendsEventsOrSnapshots() {
        assertThatThrownBy(() -> engine.appendEvents(GenericEventMessage.asEventMessage("event")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("T", "A", 0, "snapshot")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.readEvents(null, false)).isEmpty();
    }

    @Test
    void givesTheSharedReaderABoundedBatchPerCallAndConsumersAllTheyAsk() {
        List<GenericDomainEventMessage<String>> backlog = new ArrayList<>();
        for (int i = 0; i < ReadOnlyEventStorageEngine.READ_AHEAD * 3 + 7; i++) {
            backlog.add(new GenericDomainEventMessage<>("Cart", "C1", i, "event " + i));
        }
        store.appendEvents(backlog);

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, true).toList();
        assertThat(first).hasSize(ReadOnlyEventStorageEngine.READ_AHEAD);
        // the next call continues where the first one stopped
        TrackingToken last = first.get(first.size() - 1).trackingToken();
        assertThat(engine.readEvents(last, true).findFirst())
                .hasValueSatisfying(next -> assertThat(next.getPayload()).isEqualTo("event " + first.size()));
        assertThat(engine.readEvents(null, false)).hasSize(backlog.size());
    }

    @Test
    void readsWhatTheCommandSideWrote() {
        store.appendEvents(new GenericDomainEventMessage<>("Product", "P1", 0, "created"));

        assertThat(engine.readEvents(engine.createTailToken(), false)).hasSize(1);
        assertThat(engine.readEvents("P1").asStream()).hasSize(1);
        assertThat(engine.lastSequenceNumberFor("P1")).contains(0L);
    }
}
