package com.minkshop.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The processor of the order fulfilment saga: a tracking processor on this service's own event store, reading it
 * through a private stream that it re-polls at least every {@value #IDLE_POLL_MILLIS} ms when idle.
 */
@Configuration(proxyBeanMethods = false)
class SagaConfig {

    // the saga's @ProcessingGroup; spelled out because infrastructure must not import a feature package
    static final String ORDER_FULFILMENT = "order-fulfilment";
    static final long IDLE_POLL_MILLIS = 250;

    /**
     * Axon's default store shares one read-ahead cache among its consumers and wakes them on each local commit, but
     * its reader runs ahead of a slow consumer without bound: with 1,000,000 events appended in bulk (a migration, a
     * backlog after downtime) the saga's processor, the only consumer here, fell behind and the cached events filled
     * the 512 MB heap until the JVM stopped answering. A private stream reads 100 events at a time, as the consumer
     * asks; the price is the idle poll above instead of the commit wake-up (a saga step may start up to 250 ms late).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(engine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .optimizeEventConsumption(false)
                                 .build();
    }

    /**
     * Starts at the events appended since this service started, when the processor has no token yet: never the
     * whole history (old orders would reserve stock again), and never a head taken after orders placed while the
     * processor was still starting. {@code minkshop.sagas.auto-start=false} leaves the processor stopped, for a
     * second application context in one JVM, which would share this one's token owner name and so its claim.
     */
    @Bean
    ConfigurerModule orderFulfilmentProcessor(SagaProperties properties,
                                              ObjectProvider<PlatformTransactionManager> transactions,
                                              ObjectProvider<JdbcTemplate> jdbc) {
        Instant configuredAt = Instant.now();
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(
                        ORDER_FULFILMENT,
                        org.axonframework.config.Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration
                                .forSingleThreadedProcessing()
                                .andInitialTrackingToken(source -> withoutStatementTimeout(
                                        transactions.getObject(), jdbc.getObject(),
                                        () -> source.createTokenAt(configuredAt)))
                                .andEventAvailabilityTimeout(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)
                                .andAutoStart(properties.autoStart()))
                // a failed step rolls back saga state and commands together and is retried, instead of Axon's
                // default of logging it and moving on with a half-handled order
                .registerListenerInvocationErrorHandler(ORDER_FULFILMENT, axon -> PropagatingErrorHandler.instance());
    }

    /**
     * The store finds the first event at a time through its {@code time_stamp} column, which has no index (Axon
     * #1100): on a large store that one scan may outlast the service's statement timeout, and the saga would never
     * start. It runs once, when the processor has no token yet, with the limit lifted for its transaction only.
     */
    static <T> T withoutStatementTimeout(PlatformTransactionManager transactions, JdbcTemplate jdbc,
                                         Supplier<T> query) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL statement_timeout = 0");
            return query.get();
        });
    }
}
