package com.minkshop.query.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The read models' processors get the same meters as Axon's dimensional metrics ({@code eventProcessor_*}), except
 * that the capacity meter looks back 10 seconds instead of Axon's 10 minutes. It keeps every message's handling time
 * for its window: a rebuild handles tens of thousands of events per second across the processors, and ten minutes
 * of them filled the 512 MB heap when 1,000,000 events were replayed (the service stopped answering).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMetricsConfig {

    private static final String PREFIX = "eventProcessor";
    private static final long CAPACITY_WINDOW_SECONDS = 10;

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
                CapacityMonitor.buildMonitor(PREFIX, registry, CAPACITY_WINDOW_SECONDS, TimeUnit.SECONDS, perPayload),
                MessageCountingMonitor.buildMonitor(PREFIX, registry, perPayload));
        return new MultiMessageMonitor<>(monitors);
    }
}
