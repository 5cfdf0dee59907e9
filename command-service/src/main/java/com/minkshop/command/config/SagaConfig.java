package com.minkshop.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;

/**
 * The processor of the order fulfilment saga: a tracking processor on this service's own event store, which wakes
 * it on every commit in this JVM.
 */
@Configuration(proxyBeanMethods = false)
class SagaConfig {

    // the saga's @ProcessingGroup; spelled out because infrastructure must not import a feature package
    static final String ORDER_FULFILMENT = "order-fulfilment";

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
                                .andAutoStart(properties.autoStart()))
                // a failed step rolls back saga state and commands together and is retried, instead of Axon's
                // default of logging it and moving on with a half-handled order
                .registerListenerInvocationErrorHandler(ORDER_FULFILMENT, axon -> PropagatingErrorHandler.instance());
    }
}
