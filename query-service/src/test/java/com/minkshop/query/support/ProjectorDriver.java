package com.minkshop.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Feeds events straight into one projector through Axon's annotation machinery (so {@code @SequenceNumber} is
 * resolved as in production), each event in its own transaction like a processor batch of one. Lets a test deliver
 * the same event twice, which the event store itself would never allow.
 */
public class ProjectorDriver {

    private final AnnotationEventHandlerAdapter adapter;
    private final TransactionTemplate transactions;

    public ProjectorDriver(Object projector, PlatformTransactionManager transactionManager) {
        this.adapter = new AnnotationEventHandlerAdapter(projector);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public void apply(String aggregateId, long sequenceNumber, Object payload) {
        transactions.executeWithoutResult(status -> handle(aggregateId, sequenceNumber, payload));
    }

    /** Applies the events as one aggregate's stream in a single transaction, like one processor batch. */
    public void applyBatch(String aggregateId, Object... payloads) {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < payloads.length; i++) {
                handle(aggregateId, i, payloads[i]);
            }
        });
    }

    /**
     * Delivers the events as a tracking processor does: one transaction around a {@link BatchingUnitOfWork} that
     * handles them in order, so a projector can see the whole batch.
     */
    public void applyProcessorBatch(List<? extends EventMessage<?>> events) {
        transactions.executeWithoutResult(status -> {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(events));
            unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
            unitOfWork.getExecutionResults().values().forEach(result -> {
                if (result.isExceptionResult()) {
                    throw new IllegalStateException(result.getExceptionResult());
                }
            });
        });
    }

    private void handle(String aggregateId, long sequenceNumber, Object payload) {
        try {
            adapter.handle(new GenericDomainEventMessage<>("Test", aggregateId, sequenceNumber, payload));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies the events as one aggregate's stream, sequence numbers 0, 1, 2, ... */
    public void applyStream(String aggregateId, Object... payloads) {
        for (int i = 0; i < payloads.length; i++) {
            apply(aggregateId, i, payloads[i]);
        }
    }

    public void reset() {
        transactions.executeWithoutResult(status -> adapter.prepareReset());
    }
}
