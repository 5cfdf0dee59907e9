package com.minkshop.command.config;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event-sourcing repository that keeps the aggregates it loaded or saved in memory, and hands a kept one to the
 * next command without reading the event store: no snapshot query, no event query, no deserialization, no replay.
 * <p>
 * Why not Axon's {@code CachingEventSourcingRepository}: it trusts its cache, which is only right while this process
 * is the aggregate's only writer. With a second command-service on the same database (a rolling deploy, or a
 * scale-out without sticky routing) a stale entry would decide on old state, and a command it wrongly rejects
 * appends nothing, so no unique-key conflict would ever reveal it. Here a decision taken on a kept entry is checked
 * against the stream's last sequence number whenever nothing else would reveal a stale state:
 * <ul>
 *   <li>a command that appends events needs no check: its first event takes the sequence number after the kept
 *   version, which another writer's append already holds, so the store's unique key fails the commit, the rollback
 *   drops the entry and the gateway retries on a fresh load (see {@code CommandGateways});</li>
 *   <li>a command that fails (a rejection, any exception) is checked by {@link CachedDecisionCheck} before its
 *   failure is answered, and a command that succeeds without appending is checked here at commit; a stale entry
 *   turns either into that same retried conflict.</li>
 * </ul>
 * That makes an entry exactly as trustworthy as a snapshot, and saves the check's round trip on every command that
 * changes something (about a tenth more updates per second, docs/benchmarks.md).
 * <p>
 * An entry is what the last committed unit of work left behind: it is put when the aggregate is saved and removed
 * again when that unit of work rolls back (a rejected command, a failed commit, a duplicate id), so state a failed
 * command applied never outlives it. Axon's per-aggregate lock keeps one unit of work at a time on an entry.
 */
class CachedAggregateRepository<T> extends EventSourcingRepository<T> {

    /** Unit-of-work resource: the kept entries this unit of work decides on, unchecked so far. */
    private static final String UNCHECKED = CachedAggregateRepository.class.getName() + ".unchecked";

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

    /**
     * Throws the retried conflict if the unit of work decided on a kept entry that another writer has moved on.
     * Without a cause: the gateway's retry scheduler looks through the whole cause chain, and a rejection there
     * would make the conflict final.
     */
    static void failIfDecidedOnStaleState(UnitOfWork<?> unitOfWork) {
        List<Unchecked> entries = unitOfWork.getResource(UNCHECKED);
        if (entries == null) {
            return;
        }
        for (Unchecked entry : entries) {
            entry.failIfStale();
        }
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> cached = cache.getIfPresent(aggregateIdentifier);
        if (cached == null) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        if (cached.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        Unchecked entry = new Unchecked(aggregateIdentifier, cached.version(), eventStore, stale);
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.<List<Unchecked>>getOrComputeResource(UNCHECKED, key -> new ArrayList<>()).add(entry);
        // the handler changes this very instance; a fresh load needs no such guard, it is not cached yet
        unitOfWork.onRollback(done -> {
            cache.invalidate(aggregateIdentifier);
            entry.countIfConflict(done.getExecutionResult());
        });
        return cached;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        List<Unchecked> entries = CurrentUnitOfWork.get().getResource(UNCHECKED);
        if (entries != null) {
            for (Unchecked entry : entries) {
                if (entry.id.equals(aggregate.identifierAsString())
                    && Objects.equals(entry.version, aggregate.version())) {
                    entry.failIfStale();
                }
            }
        }
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
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.invalidate(id));
        cache.put(id, aggregate);
    }

    /**
     * A kept entry handed out at {@code version}; counted once as stale, by the check or by the conflict. Ids are
     * unique across aggregate types (the event store's one key space), so the id alone names the entry.
     */
    private static final class Unchecked {

        private final String id;
        private final Long version;
        private final EventStore eventStore;
        private final Counter stale;
        private boolean counted;

        private Unchecked(String id, Long version, EventStore eventStore, Counter stale) {
            this.id = id;
            this.version = version;
            this.eventStore = eventStore;
            this.stale = stale;
        }

        private void failIfStale() {
            if (counted || Objects.equals(eventStore.lastSequenceNumberFor(id).orElse(null), version)) {
                return;
            }
            counted = true;
            stale.increment();
            throw new ConcurrencyException("aggregate " + id + " was decided on at version " + version
                                           + ", which another writer has moved on; retried on a fresh load");
        }

        private void countIfConflict(ExecutionResult execution) {
            if (counted || execution == null || execution.getExceptionResult() == null) {
                return;
            }
            if (ExceptionUtils.findException(execution.getExceptionResult(), ConcurrencyException.class).isPresent()) {
                counted = true;
                stale.increment();
            }
        }
    }
}
