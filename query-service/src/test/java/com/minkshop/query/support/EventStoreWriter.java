package com.minkshop.query.support;

import com.minkshop.api.common.EventJson;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the command-service in tests: appends events to the event store tables in the same JSON format (the same
 * Jackson settings and payload types), through its own connection, so the query-service only learns about them by
 * polling, exactly as in production.
 */
public class EventStoreWriter {

    private final JdbcEventStorageEngine engine;
    private final Map<String, Long> nextSequence = new ConcurrentHashMap<>();

    public EventStoreWriter() {
        EventSchema tables = EventSchema.builder()
                                        .eventTable("eventstore.domain_event_entry")
                                        .snapshotTable("eventstore.snapshot_event_entry")
                                        .globalIndexColumn("global_index")
                                        .timestampColumn("time_stamp")
                                        .eventIdentifierColumn("event_identifier")
                                        .aggregateIdentifierColumn("aggregate_identifier")
                                        .sequenceNumberColumn("sequence_number")
                                        .payloadTypeColumn("payload_type")
                                        .payloadRevisionColumn("payload_revision")
                                        .metaDataColumn("meta_data")
                                        .build();
        engine = JdbcEventStorageEngine.builder()
                                       .connectionProvider(new DataSourceConnectionProvider(TestDatabase.pool()))
                                       .transactionManager(NoTransactionManager.INSTANCE)
                                       .schema(tables)
                                       .eventSerializer(EventJson.serializer())
                                       .snapshotSerializer(EventJson.serializer())
                                       .build();
    }

    /**
     * Appends the events to the aggregate's stream and returns the aggregate's version afterwards (its event count).
     */
    public long append(String aggregateType, String aggregateId, Object... payloads) {
        long version = 0;
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            engine.appendEvents(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
            version = sequence + 1;
        }
        return version;
    }

    /** Like {@link #append}, with the aggregate's events written in one statement batch. */
    public long appendBatch(String aggregateType, String aggregateId, Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
        }
        engine.appendEvents(messages);
        return version(aggregateId);
    }

    public long version(String aggregateId) {
        return nextSequence.getOrDefault(aggregateId, 0L);
    }
}
