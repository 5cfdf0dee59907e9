package com.minkshop.query.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read models' processors get the same meters as Axon's dimensional metrics ({@code eventProcessor_*}), built so
 * that a message costs no registry lookup ({@link MessageMeters}), and with {@link WindowedCapacity} (per processor,
 * 10 s, memory independent of the event rate) instead of Axon's {@code CapacityMonitor}, which keeps every message of
 * its window: with Axon's 10 minutes a 1,000,000-event replay filled the 512 MB heap, and even 10 s of the events a
 * skipping processor ingests did (service unresponsive).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfig {

    private static final String PREFIX = "eventProcessor";
    private static final int CAPACITY_WINDOW_SECONDS = 10;

    @Bean
    ConfigurerModule processorMetricsModule(MeterRegistry registry) {
        // type-specific, so it takes precedence over Axon's monitor factory for every other component
        return configurer -> configurer.configureMessageMonitor(
                EventProcessor.class, (configuration, componentType, name) -> monitor(registry, name));
    }

    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor) {
        Tags perProcessor = Tags.of("processorName", processor);
        AtomicLong latencyMillis = new AtomicLong();
        Gauge.builder(PREFIX + ".latency", latencyMillis::get).tags(perProcessor).register(registry);
        // Axon's EventProcessorLatencyMonitor, without registering its gauge again for every message
        MessageMonitor<Message<?>> latency = message -> {
            if (message instanceof EventMessage<?> event) {
                latencyMillis.set(Clock.SYSTEM.wallTime() - event.getTimestamp().toEpochMilli());
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
        return new MultiMessageMonitor<>(List.of(
                new MessageMeters(registry, PREFIX, perProcessor, Clock.SYSTEM),
                latency,
                new WindowedCapacity(registry, PREFIX + ".capacity", perProcessor, CAPACITY_WINDOW_SECONDS,
                                     Clock.SYSTEM)));
    }
}
