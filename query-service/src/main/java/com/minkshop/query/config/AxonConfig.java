package com.minkshop.query.config;

import com.minkshop.api.common.EventJson;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.concurrent.TimeUnit;

/**
 * Axon infrastructure of the query-service: the command side's event tables as a read-only, quickly polled event
 * store, Jackson serializers in the event store's format, and dead-letter handling for every processing group.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    @Bean
    @Primary
    Serializer serializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventJson.serializer();
    }

    // Declaring the engine replaces Axon's JPA event store auto-configuration; JDBC needs no extra entities.
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          QueryProperties properties) {
        String schema = properties.eventStore().schema();
        EventSchema tables = EventSchema.builder()
                                        .eventTable(schema + ".domain_event_entry")
                                        .snapshotTable(schema + ".snapshot_event_entry")
                                        .globalIndexColumn("global_index")
                                        .timestampColumn("time_stamp")
                                        .eventIdentifierColumn("event_identifier")
                                        .aggregateIdentifierColumn("aggregate_identifier")
                                        .sequenceNumberColumn("sequence_number")
                                        .payloadTypeColumn("payload_type")
                                        .payloadRevisionColumn("payload_revision")
                                        .metaDataColumn("meta_data")
                                        .build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                                                              .connectionProvider(new DataSourceConnectionProvider(
                                                                      dataSource))
                                                              // reads only, each poll in its own autocommit
                                                              .transactionManager(NoTransactionManager.INSTANCE)
                                                              .schema(tables)
                                                              .snapshotSerializer(serializer)
                                                              .eventSerializer(eventSerializer)
                                                              .batchSize(properties.eventStore().batchSize())
                                                              .build();
        return new ReadOnlyEventStorageEngine(engine);
    }

    // The command-service commits in another JVM, so nothing wakes this store up: it must poll, and the default
    // 1 s poll would make every view lag about half a second on average.
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration configuration,
                                  QueryProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(engine)
                                 .fetchDelay(properties.eventStore().fetchDelay().toMillis())
                                 .timeUnit(TimeUnit.MILLISECONDS)
                                 // Axon keeps the newest 10,000 by default, each with its token and any gaps that token
                                 // still tracks, long enough to be promoted to the old generation; the processors tail
                                 // within a batch of the head, and one further behind reads on its own
                                 .cachedEvents(properties.eventStore().cachedEvents())
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .build();
    }

    @Bean
    ConfigurerModule deadLetterConfigurerModule() {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            // Axon's default logs and skips a failing event; a read model must never silently miss one.
            processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            processing.registerDefaultDeadLetterPolicy(c -> new LoggingEnqueuePolicy());
            // A rebuild replays every event, so letters parked before it would only be duplicates afterwards.
            // The cache remembers which sequences are parked: with an empty queue an event costs no lookup (and no
            // Hibernate auto-flush check of the whole batch). This replaces Axon's registration for the group, so
            // the dlq.cache properties would have no effect.
            ProcessingGroups.ALL.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                    group, (c, builder) -> builder.allowReset(true).enableSequenceIdentifierCache()));
        };
    }
}
