package com.minkshop.command.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The command bus and the order fulfilment saga's processor get the same meters as Axon's dimensional metrics
 * ({@code commandBus_*}, {@code eventProcessor_*}), except the capacity gauges: {@link WindowedCapacity} (10 s, memory
 * independent of the message rate) instead of Axon's {@code CapacityMonitor}, which keeps one entry per message for
 * 10 minutes. The saga's processor reads every event of the store and skips the ones it has no handler for at
 * ~100,000 per second when it is behind (1,000,000 events appended in bulk left this service's heap full and the JVM
 * unresponsive); on the command bus those entries made most of what each young collection copied under load. The
 * query-service does the same for its read models; the two services share no code.
 */
@Configuration(proxyBeanMethods = false)
class MessageMonitorConfig {

    private static final String PROCESSOR_PREFIX = "eventProcessor";
    private static final String COMMAND_BUS_PREFIX = "commandBus";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final int CAPACITY_WINDOW_SECONDS = 10;

    @Bean
    ConfigurerModule messageMonitorModule(MeterRegistry registry) {
        // type-specific, so they take precedence over Axon's monitor factory, which still serves the event store
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class,
                                         (configuration, componentType, name) -> processorMonitor(registry, name))
                .configureMessageMonitor(CommandBus.class,
                                         (configuration, componentType, name) -> commandBusMonitor(registry));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> processorMonitor(MeterRegistry registry, String processor) {
        Function<Message<?>, Iterable<Tag>> perPayload = message -> Tags.of(
                PAYLOAD_TYPE, message.getPayloadType().getSimpleName(), "processorName", processor);
        Function<Message<?>, Iterable<Tag>> perProcessor = message -> Tags.of("processorName", processor);
        List<MessageMonitor<? super Message<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(PROCESSOR_PREFIX, registry, perPayload),
                (MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(PROCESSOR_PREFIX)
                                                             .meterRegistry(registry).tagsBuilder(perProcessor).build(),
                new WindowedCapacity(registry, PROCESSOR_PREFIX + ".capacity", Tags.of("processorName", processor),
                                     CAPACITY_WINDOW_SECONDS, Clock.SYSTEM),
                MessageCountingMonitor.buildMonitor(PROCESSOR_PREFIX, registry, perPayload));
        return new MultiMessageMonitor<>(monitors);
    }

    static MessageMonitor<Message<?>> commandBusMonitor(MeterRegistry registry) {
        Function<Message<?>, Iterable<Tag>> perPayload =
                message -> Tags.of(PAYLOAD_TYPE, message.getPayloadType().getSimpleName());
        // one gauge per command class, as Axon's: a bounded set
        Map<Class<?>, WindowedCapacity> capacities = new ConcurrentHashMap<>();
        MessageMonitor<Message<?>> capacity = message -> capacities.computeIfAbsent(
                message.getPayloadType(),
                type -> new WindowedCapacity(registry, COMMAND_BUS_PREFIX + ".capacity",
                                             Tags.of(PAYLOAD_TYPE, type.getSimpleName()),
                                             CAPACITY_WINDOW_SECONDS, Clock.SYSTEM)).onMessageIngested(message);
        List<MessageMonitor<? super Message<?>>> monitors = List.of(
                MessageTimerMonitor.buildMonitor(COMMAND_BUS_PREFIX, registry, perPayload),
                capacity,
                MessageCountingMonitor.buildMonitor(COMMAND_BUS_PREFIX, registry, perPayload));
        return new MultiMessageMonitor<>(monitors);
    }
}
