package com.minkshop.query.config;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

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
    void readsWhatTheCommandSideWrote() {
        store.appendEvents(new GenericDomainEventMessage<>("Product", "P1", 0, "created"));

        assertThat(engine.readEvents(engine.createTailToken(), false)).hasSize(1);
        assertThat(engine.readEvents("P1").asStream()).hasSize(1);
        assertThat(engine.lastSequenceNumberFor("P1")).contains(0L);
    }
}
