package com.minkshop.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The storage engine under the event store ({@code SagaConfig#eventStore}): Axon's JDBC engine by default, its JPA
 * engine with {@code minkshop.event-store.engine=jpa}; both on the same Flyway tables.
 * <p>
 * Why JDBC: the JPA engine draws {@code global_index} with a separate {@code nextval} round trip and goes through
 * Hibernate's persistence context for every event; the JDBC engine inserts with the column's
 * {@code DEFAULT nextval(...)} in the INSERT itself and reads with plain prepared statements. Measured with
 * {@code ./shop bench} (docs/benchmarks.md, where {@code --default-axon} runs the JPA engine).
 * <p>
 * Durability is the same with both: the connection comes from the Spring-managed transaction of the command's unit of
 * work ({@link SpringDataSourceConnectionProvider} joins it through {@code DataSourceUtils}; the JPA engine uses the
 * transaction's entity manager), so the events, the {@code Idempotency-Key} row and the saga state still commit in one
 * transaction.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfig {

    private static final String ENGINE = "minkshop.event-store.engine";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ENGINE, havingValue = "jdbc", matchIfMissing = true)
    static class Jdbc {

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

    /**
     * What Axon's own JPA auto-configuration would declare; it backs off here because this service declares its
     * event store. Its entities (mapped to the Flyway tables by META-INF/orm.xml) are registered only in this mode,
     * so Hibernate checks them against the schema only when they are used.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ENGINE, havingValue = "jpa")
    @RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
    static class Jpa {

        @Bean
        EventStorageEngine eventStorageEngine(EntityManagerProvider entityManagerProvider,
                                              TransactionManager transactionManager,
                                              PersistenceExceptionResolver persistenceExceptionResolver,
                                              Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              org.axonframework.config.Configuration axon) {
            return JpaEventStorageEngine.builder()
                                        .entityManagerProvider(entityManagerProvider)
                                        .transactionManager(transactionManager)
                                        .persistenceExceptionResolver(persistenceExceptionResolver)
                                        .snapshotSerializer(serializer)
                                        .eventSerializer(eventSerializer)
                                        .snapshotFilter(axon.snapshotFilter())
                                        .upcasterChain(axon.upcasterChain())
                                        .build();
        }
    }
}
