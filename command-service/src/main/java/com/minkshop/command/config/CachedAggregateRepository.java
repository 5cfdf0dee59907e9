package com.minkshop.command.config;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Objects;
import java.util.Optional;

/**
 * An event-sourcing repository that keeps the aggregates it loaded or saved in memory, and uses a kept one only
 * after the event store confirmed that nothing was appended to it since: one indexed {@code max(sequence_number)}
 * query instead of the snapshot query, the event query, their deserialization and the replay.
 * <p>
 * Why not Axon's {@code CachingEventSourcingRepository}: it trusts its cache, which is only right while this process
 * is the aggregate's only writer. With a second command-service on the same database (a rolling deploy, or a
 * scale-out without sticky routing) a stale entry would decide on old state, and a command it wrongly rejects
 * appends nothing, so no unique-key conflict would ever reveal it. Checking the stream's last sequence number makes
 * an entry exactly as trustworthy as a snapshot: a writer between the check and our append is the usual race,
 * caught by the store's unique key and retried (see {@code CommandGateways}) on a fresh load.
 * <p>
 * An entry is what the last committed unit of work left behind: it is put when the aggregate is saved and removed
 * again when that unit of work rolls back (a rejected command, a failed commit, a duplicate id), so state a failed
 * command applied never outlives it. Axon's per-aggregate lock keeps one unit of work at a time on an entry.
 */
class CachedAggregateRepository<T> extends EventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache<String, EventSourcedAggregate<T>> cache;
    private final Counter stale;

    CachedAggregateRepository(Builder<T> builder,
                              EventStore eventStore,
                              Cache<String, EventSourcedAggregate<T>> cache,
                              Counter stale) {
        super(builder);
        this.eventStore = eventStore;
        this.cache = cache;
        this.stale = stale;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> cached = cache.getIfPresent(aggregateIdentifier);
        if (cached != null) {
            Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateIdentifier);
            if (stored.isPresent() && Objects.equals(stored.get(), cached.version())) {
                if (cached.isDeleted()) {
                    throw new AggregateDeletedException(aggregateIdentifier);
                }
                // the handler changes this very instance; a fresh load needs no such guard, it is not cached yet
                evictOnRollback(aggregateIdentifier);
                return cached;
            }
            stale.increment();
            cache.invalidate(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        keep(aggregate);
    }

    @Override
    protected void doDeleteWithLock(EventSourcedAggregate<T> aggregate) {
        super.doDeleteWithLock(aggregate);
        keep(aggregate);
    }

    private void keep(EventSourcedAggregate<T> aggregate) {
        String id = aggregate.identifierAsString();
        evictOnRollback(id);
        cache.put(id, aggregate);
    }

    private void evictOnRollback(String id) {
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.invalidate(id));
    }
}
