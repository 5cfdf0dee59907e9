package com.minkshop.query.persistence;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rows a projector creates in one transaction (one processor batch), handed to JPA just before the commit. A row that
 * later events of the same batch change (a cart and its first items) is then written once in its final state, where
 * persisting it at once would cost an INSERT and then an UPDATE of the same row.
 */
public final class PendingRows<I, R extends ViewRow<I>> {

    private final Object key = new Object();
    private final CrudRepository<R, I> repository;

    public PendingRows(CrudRepository<R, I> repository) {
        this.repository = repository;
    }

    public void add(R row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            repository.save(row);
            return;
        }
        pending().put(row.getId(), row);
    }

    /**
     * The row with this id: created earlier in this transaction, or stored.
     */
    public Optional<R> find(I id) {
        Map<I, R> pending = bound();
        R row = pending == null ? null : pending.get(id);
        return row != null ? Optional.of(row) : repository.findById(id);
    }

    @SuppressWarnings("unchecked")
    private Map<I, R> bound() {
        return (Map<I, R>) TransactionSynchronizationManager.getResource(key);
    }

    private Map<I, R> pending() {
        Map<I, R> pending = bound();
        if (pending != null) {
            return pending;
        }
        Map<I, R> created = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(key, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                repository.saveAll(created.values());
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return created;
    }
}
