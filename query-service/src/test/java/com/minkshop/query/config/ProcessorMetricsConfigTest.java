package com.minkshop.query.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

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
}
