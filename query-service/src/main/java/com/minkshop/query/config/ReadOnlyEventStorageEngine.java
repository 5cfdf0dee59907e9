package com.minkshop.query.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command-service owns the event store; this wrapper makes any attempt of the query-service to write there fail
 * loudly instead of silently creating events nobody decided. It also bounds how far Axon's shared event reader reads
 * in one go, see {@link #readEvents(TrackingToken, boolean)}.
 */
class ReadOnlyEventStorageEngine implements EventStorageEngine {

    /** Events the shared reader of {@code EmbeddedEventStore} gets per call; it calls again at once for more. */
    static final int READ_AHEAD = 1_000;

    private final EventStorageEngine delegate;

    ReadOnlyEventStorageEngine(EventStorageEngine delegate) {
        this.delegate = delegate;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        throw new UnsupportedOperationException("The query-service never appends events");
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("The query-service never stores snapshots");
    }

    /**
     * Only the shared reader of Axon's {@code EmbeddedEventStore} asks with {@code mayBlock}. It keeps every event it
     * reads in one call reachable until the call returns (its fetch holds the node that was newest before it), and
     * one call reads until it reaches the head: on a backlog of 1,000,000 events appended in bulk that filled the
     * heap (a dump held 373,601 cached nodes). Per-consumer streams ({@code mayBlock} false) read as asked.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(READ_AHEAD) : events;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
