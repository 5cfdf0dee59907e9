package com.minkshop.command.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command bus, the event store and the order fulfilment saga's processor get the same meters as Axon's dimensional
 * metrics ({@code commandBus_*}, {@code eventStore_*}, {@code eventProcessor_*}), built so that a message costs no
 * registry lookup ({@link MessageMeters}), and with {@link WindowedCapacity} (10 s, memory independent of the message
 * rate) instead of Axon's {@code CapacityMonitor}, which keeps one entry per message for 10 minutes. The saga's
 * processor reads every event of the store and skips the ones it has no handler for at ~100,000 per second when it is
 * behind (1,000,000 events appended in bulk left this service's heap full and the JVM unresponsive); on the command
 * bus those entries made most of what each young collection copied under load. The query-service does the same for
 * its read models; the two services share no code.
 */
@Configuration(proxyBeanMethods = false)
class MessageMonitorConfig {

    private static final String PROCESSOR_PREFIX = "eventProcessor";
    private static final String COMMAND_BUS_PREFIX = "commandBus";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final int CAPACITY_WINDOW_SECONDS = 10;

    @Bean
    ConfigurerModule messageMonitorModule(MeterRegistry registry) {
        // type-specific, so they take precedence over Axon's monitor factory
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class,
                                         (configuration, componentType, name) -> processorMonitor(registry, name))
                .configureMessageMonitor(CommandBus.class,
                                         (configuration, componentType, name) -> commandBusMonitor(registry))
                .configureMessageMonitor(EventStore.class, (configuration, componentType, name) ->
                        new MessageMeters(registry, name, Tags.empty(), Clock.SYSTEM));
    }

    static MessageMonitor<Message<?>> processorMonitor(MeterRegistry registry, String processor) {
        Tags perProcessor = Tags.of("processorName", processor);
        return new MultiMessageMonitor<>(List.of(
                new MessageMeters(registry, PROCESSOR_PREFIX, perProcessor, Clock.SYSTEM),
                latency(registry, PROCESSOR_PREFIX + ".latency", perProcessor, Clock.SYSTEM),
                new WindowedCapacity(registry, PROCESSOR_PREFIX + ".capacity", perProcessor,
                                     CAPACITY_WINDOW_SECONDS, Clock.SYSTEM)));
    }

    static MessageMonitor<Message<?>> commandBusMonitor(MeterRegistry registry) {
        // one gauge per command class, as Axon's: a bounded set
        Map<Class<?>, WindowedCapacity> capacities = new ConcurrentHashMap<>();
        MessageMonitor<Message<?>> capacity = message -> capacities.computeIfAbsent(
                message.getPayloadType(),
                type -> new WindowedCapacity(registry, COMMAND_BUS_PREFIX + ".capacity",
                                             Tags.of(PAYLOAD_TYPE, type.getSimpleName()),
                                             CAPACITY_WINDOW_SECONDS, Clock.SYSTEM)).onMessageIngested(message);
        return new MultiMessageMonitor<>(List.of(
                new MessageMeters(registry, COMMAND_BUS_PREFIX, Tags.empty(), Clock.SYSTEM), capacity));
    }

    /**
     * Axon's {@code EventProcessorLatencyMonitor} (the age of the last event ingested, when it was ingested), without
     * registering its gauge again for every message, and reading the event's time only when the gauge is read: the
     * stored time is a string that Axon parses on first use, and parsing it for every event, the skipped ones
     * included, was 1.7 % of the command-service's CPU under load (JFR, docs/benchmarks.md).
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
