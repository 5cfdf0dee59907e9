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
import java.util.concurrent.atomic.AtomicReference;

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
        return new MultiMessageMonitor<>(List.of(
                new MessageMeters(registry, PREFIX, perProcessor, Clock.SYSTEM),
                latency(registry, PREFIX + ".latency", perProcessor, Clock.SYSTEM),
                new WindowedCapacity(registry, PREFIX + ".capacity", perProcessor, CAPACITY_WINDOW_SECONDS,
                                     Clock.SYSTEM)));
    }

    /**
     * Axon's {@code EventProcessorLatencyMonitor} (the age of the last event ingested, when it was ingested), without
     * registering its gauge again for every message, and reading the event's time only when the gauge is read: the
     * stored time is a string that Axon parses on first use, and parsing it for every event, the skipped ones
     * included, showed in every processor's profile (JFR, docs/benchmarks.md).
     */
    static MessageMonitor<Message<?>> latency(MeterRegistry registry, String name, Tags tags, Clock clock) {
        AtomicReference<Ingested> last = new AtomicReference<>();
        Gauge.builder(name, () -> {
                 Ingested ingested = last.get();
                 return ingested == null ? 0 : ingested.wallTime() - ingested.event().getTimestamp().toEpochMilli();
             })
             .tags(tags).register(registry);
        return message -> {
            if (message instanceof EventMessage<?> event) {
                last.set(new Ingested(event, clock.wallTime()));
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }

    private record Ingested(EventMessage<?> event, long wallTime) {
    }
}
