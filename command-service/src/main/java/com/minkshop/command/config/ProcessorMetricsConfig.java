package com.minkshop.command.config;

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
 * The order fulfilment saga's processor gets the same meters as Axon's dimensional metrics ({@code eventProcessor_*}),
 * except the capacity gauge: {@link ProcessorCapacity} (10 s, memory independent of the event rate) instead of Axon's
 * {@code CapacityMonitor}, which keeps one entry per message for 10 minutes. The saga's processor reads every event of
 * the store and skips the ones it has no handler for at ~100,000 per second when it is behind (1,000,000 events
 * appended in bulk left this service's heap full and the JVM unresponsive). The query-service does the same for its
 * read models; the two services share no code.
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
