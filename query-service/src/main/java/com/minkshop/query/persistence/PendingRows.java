package com.minkshop.query.persistence;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of one aggregate type's view that a processor batch (one transaction) reads and creates.
 * <ul>
 *     <li>Reads: the first lookup of the batch loads the rows of every aggregate of that type the batch has events
 *     for, in one query. Looked up one by one, each event cost a round trip to PostgreSQL; under a full command load
 *     those queue behind the command side's connections and the projection fell behind (~100 events/s live).</li>
 *     <li>Creations are handed to JPA just before the commit, so a row that later events of the same batch change
 *     (a cart and its first items) is written once in its final state instead of as an INSERT and an UPDATE.</li>
 * </ul>
 */
public final class PendingRows<I, R extends ViewRow<I>> {

    private final Object key = new Object();
    private final CrudRepository<R, I> repository;
    private final String aggregateType;
    private final Function<String, I> idOfAggregate;

    /**
     * @param aggregateType the aggregate type whose events carry this view's ids (e.g. {@code Cart})
     * @param idOfAggregate the row id of an aggregate identifier
     */
    public PendingRows(CrudRepository<R, I> repository, String aggregateType, Function<String, I> idOfAggregate) {
        this.repository = repository;
        this.aggregateType = aggregateType;
        this.idOfAggregate = idOfAggregate;
    }

    public void add(R row) {
        Batch<I, R> batch = batch();
        if (batch == null) {
            repository.save(row);
            return;
        }
        batch.created.put(row.getId(), row);
    }

    /**
     * The row with this id: created earlier in this transaction, or stored.
     */
    public Optional<R> find(I id) {
        Batch<I, R> batch = batch();
        if (batch == null) {
            return repository.findById(id);
        }
        R created = batch.created.get(id);
        if (created != null) {
            return Optional.of(created);
        }
        if (batch.stored == null) {
            batch.stored = loadRowsOfBatch();
        }
        return batch.stored.containsKey(id) ? Optional.ofNullable(batch.stored.get(id)) : repository.findById(id);
    }

    /** Every row the current batch has events for; ids without a row map to null. */
    private Map<I, R> loadRowsOfBatch() {
        Set<I> ids = new LinkedHashSet<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork) {
            for (Object message : unitOfWork.getMessages()) {
                if (message instanceof DomainEventMessage<?> event && aggregateType.equals(event.getType())) {
                    ids.add(idOfAggregate.apply(event.getAggregateIdentifier()));
                }
            }
        }
        Map<I, R> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, null));
        if (!ids.isEmpty()) {
            repository.findAllById(ids).forEach(row -> stored.put(row.getId(), row));
        }
        return stored;
    }

    @SuppressWarnings("unchecked")
    private Batch<I, R> batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Batch<I, R> bound = (Batch<I, R>) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        Batch<I, R> batch = new Batch<>();
        TransactionSynchronizationManager.bindResource(key, batch);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                repository.saveAll(batch.created.values());
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return batch;
    }

    private static final class Batch<I, R> {
        final Map<I, R> created = new LinkedHashMap<>();
        Map<I, R> stored;
    }
}
