package com.minkshop.query.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row whose id comes from the event. Spring Data cannot tell a new row with an assigned id from a stored
 * one and would merge it (a SELECT before every INSERT); a projector knows when it creates a row, so the row is
 * persisted directly and its INSERT waits for the end of the processor's batch, where it goes out in a JDBC batch.
 */
@MappedSuperclass
public abstract class ViewRow<I> implements Persistable<I> {

    @Transient
    private boolean created;

    /**
     * For the projector's factory methods: this row is not in the database yet.
     */
    protected void markCreated() {
        created = true;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    @PostPersist
    @PostLoad
    void stored() {
        created = false;
    }
}
