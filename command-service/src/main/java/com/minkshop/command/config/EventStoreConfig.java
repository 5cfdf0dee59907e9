package com.minkshop.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Appends and reads events with Axon's JDBC storage engine instead of the JPA one, on the same Flyway tables.
 * <p>
 * Why: the JPA engine draws {@code global_index} with a separate {@code nextval} round trip and goes through
 * Hibernate's persistence context for every event; the JDBC engine inserts with the column's
 * {@code DEFAULT nextval(...)} in the INSERT itself and reads with plain prepared statements. Measured with
 * {@code ./shop bench} (docs/benchmarks.md).
 * <p>
 * Durability is unchanged: the connection comes from the Spring-managed transaction of the command's unit of work
 * ({@link SpringDataSourceConnectionProvider} joins it through {@code DataSourceUtils}), so the events, the
 * {@code Idempotency-Key} row and the saga state still commit in one transaction. {@code minkshop.event-store.engine=jpa}
 * brings back Axon's auto-configured JPA engine (declaring no engine bean lets its auto-configuration apply).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "minkshop.event-store.engine", havingValue = "jdbc", matchIfMissing = true)
class EventStoreConfig {

    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource,
                                          TransactionManager transactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon) {
        // the Flyway tables use snake_case; the engine's defaults are Axon's camelCase names
        EventSchema tables = EventSchema.builder()
                                        .eventTable("domain_event_entry")
                                        .snapshotTable("snapshot_event_entry")
                                        .globalIndexColumn("global_index")
                                        .timestampColumn("time_stamp")
                                        .eventIdentifierColumn("event_identifier")
                                        .aggregateIdentifierColumn("aggregate_identifier")
                                        .sequenceNumberColumn("sequence_number")
                                        .payloadTypeColumn("payload_type")
                                        .payloadRevisionColumn("payload_revision")
                                        .metaDataColumn("meta_data")
                                        .build();
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                             new SpringDataSourceConnectionProvider(dataSource)))
                                     .transactionManager(transactionManager)
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .schema(tables)
                                     .snapshotSerializer(serializer)
                                     .eventSerializer(eventSerializer)
                                     .snapshotFilter(axon.snapshotFilter())
                                     .upcasterChain(axon.upcasterChain())
                                     .build();
    }
}
