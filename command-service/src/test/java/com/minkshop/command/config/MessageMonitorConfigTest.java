package com.minkshop.command.config;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

class MessageMonitorConfigTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void registersAxonsProcessorMetersWithItsDimensionalTags() {
        MessageMonitor<Message<?>> monitor = MessageMonitorConfig.processorMonitor(registry, "order-fulfilment");
        EventMessage<String> event = asEventMessage("payload");

        monitor.onMessageIngested(event).reportSuccess();

        assertThat(registry.get("eventProcessor.successCounter").tag("processorName", "order-fulfilment")
                           .tag("payloadType", "String").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("eventProcessor.successTimer").tag("processorName", "order-fulfilment").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("eventProcessor.capacity").tag("processorName", "order-fulfilment").gauge())
                .isNotNull();
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "order-fulfilment").gauge())
                .isNotNull();
    }

    @Test
    void registersAxonsCommandBusMetersPerCommandType() {
        MessageMonitor<Message<?>> monitor = MessageMonitorConfig.commandBusMonitor(registry);

        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("a")).reportSuccess();
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage("b"))
               .reportFailure(new IllegalStateException());
        monitor.onMessageIngested(GenericCommandMessage.asCommandMessage(42)).reportSuccess();

        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("commandBus.failureCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "String").timer().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "Integer").timer().count()).isEqualTo(1);
        // one bounded gauge per command type, not Axon's ten-minute reservoir
        assertThat(registry.get("commandBus.capacity").gauges()).hasSize(2);
        assertThat(registry.get("commandBus.capacity").tag("payloadType", "Integer").gauge().value())
                .isBetween(0.0, 1.0);
    }

    @Test
    void latencyIsTheAgeOfTheLastEventIngested() {
        MessageMonitor<Message<?>> monitor = MessageMonitorConfig.processorMonitor(registry, "order-fulfilment");
        Instant fiveSecondsAgo = Instant.now().minusSeconds(5);

        monitor.onMessageIngested(new GenericEventMessage<>("id-1", "payload", Map.of(), fiveSecondsAgo))
               .reportIgnored();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "order-fulfilment").gauge().value())
                .isBetween(5_000.0, 60_000.0);
    }

    @Test
    void latencyIsMeasuredAtIngestionButTheEventsTimeIsReadOnlyWhenTheGaugeIs() {
        MockClock clock = new MockClock();
        clock.add(Duration.ofHours(1));
        MessageMonitor<Message<?>> monitor = MessageMonitorConfig.latency(registry, "latency", Tags.empty(), clock);
        AtomicInteger timeReads = new AtomicInteger();
        Instant written = Instant.ofEpochMilli(clock.wallTime()).minusMillis(1_500);
        EventMessage<String> event = new GenericEventMessage<String>("id-1", "payload", Map.of(), written) {
            @Override
            public Instant getTimestamp() {
                timeReads.incrementAndGet();
                return super.getTimestamp();
            }
        };

        monitor.onMessageIngested(event).reportIgnored();
        assertThat(timeReads).hasValue(0);
        clock.add(Duration.ofSeconds(30));

        assertThat(registry.get("latency").gauge().value()).isEqualTo(1_500.0);
        assertThat(timeReads).hasValue(1);
    }
}
