package com.minkshop.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

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
    ConfigurerModule orderFulfilmentProcessor(SagaProperties properties) {
        Instant configuredAt = Instant.now();
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(
                        ORDER_FULFILMENT,
                        org.axonframework.config.Configuration::eventStore,
                        axon -> TrackingEventProcessorConfiguration
                                .forSingleThreadedProcessing()
                                .andInitialTrackingToken(source -> source.createTokenAt(configuredAt))
                                .andEventAvailabilityTimeout(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)
                                .andAutoStart(properties.autoStart()))
                // a failed step rolls back saga state and commands together and is retried, instead of Axon's
                // default of logging it and moving on with a half-handled order
                .registerListenerInvocationErrorHandler(ORDER_FULFILMENT, axon -> PropagatingErrorHandler.instance());
    }
}
