package com.minkshop.query.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * The read models' processors get the same meters as Axon's dimensional metrics ({@code eventProcessor_*}), except
 * the capacity gauge: {@link ProcessorCapacity} (per processor, 10 s, memory independent of the event rate) instead of
 * Axon's {@code CapacityMonitor}, which keeps every message of its window: with Axon's 10 minutes a 1,000,000-event
 * replay filled the 512 MB heap, and even 10 s of the events a skipping processor ingests did (service unresponsive).
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, String processor) {
        Function<Message<?>, Iterable<Tag>> perPayload =
                message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", processor);
        Function<Message<?>, Iterable<Tag>> perProcessor = message -> Tags.of("processorName", processor);
        List<MessageMonitor<? super Message<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(PREFIX, registry, perPayload),
                (MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                                                             .tagsBuilder(perProcessor).build(),
                new ProcessorCapacity(registry, PREFIX, processor, CAPACITY_WINDOW_SECONDS, Clock.SYSTEM),
                MessageCountingMonitor.buildMonitor(PREFIX, registry, perPayload));
        return new MultiMessageMonitor<>(monitors);
    }
}
