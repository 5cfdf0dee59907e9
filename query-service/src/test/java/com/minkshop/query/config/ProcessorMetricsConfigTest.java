package com.minkshop.query.config;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

class ProcessorMetricsConfigTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void registersAxonsProcessorMetersWithItsDimensionalTags() {
        MessageMonitor<Message<?>> monitor = ProcessorMetricsConfig.monitor(registry, "cart-view");
        EventMessage<String> event = asEventMessage("payload");

        monitor.onMessageIngested(event).reportSuccess();

        assertThat(registry.get("eventProcessor.successCounter").tag("processorName", "cart-view")
                           .tag("payloadType", "String").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("eventProcessor.successTimer").tag("processorName", "cart-view").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("eventProcessor.capacity").tag("processorName", "cart-view").gauge()).isNotNull();
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "cart-view").gauge()).isNotNull();
    }

    @Test
    void latencyIsTheAgeOfTheLastEventIngested() {
        MessageMonitor<Message<?>> monitor = ProcessorMetricsConfig.monitor(registry, "cart-view");
        Instant fiveSecondsAgo = Instant.now().minusSeconds(5);

        monitor.onMessageIngested(new GenericEventMessage<>("id-1", "payload", Map.of(), fiveSecondsAgo))
               .reportIgnored();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "cart-view").gauge().value())
                .isBetween(5_000.0, 60_000.0);
    }

    @Test
    void latencyIsMeasuredAtIngestionButTheEventsTimeIsReadOnlyWhenTheGaugeIs() {
        MockClock clock = new MockClock();
        clock.add(Duration.ofHours(1));
        MessageMonitor<Message<?>> monitor = ProcessorMetricsConfig.latency(registry, "latency", Tags.empty(), clock);
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
