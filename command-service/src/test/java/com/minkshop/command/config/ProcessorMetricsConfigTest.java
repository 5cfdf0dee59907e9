package com.minkshop.command.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

class ProcessorMetricsConfigTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void registersAxonsProcessorMetersWithItsDimensionalTags() {
        MessageMonitor<Message<?>> monitor = ProcessorMetricsConfig.monitor(registry, "order-fulfilment");
        EventMessage<String> event = asEventMessage("payload");

        monitor.onMessageIngested(event).reportSuccess();

        assertThat(registry.get("eventProcessor.successCounter").tag("processorName", "order-fulfilment")
                           .tag("payloadType", "String").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("eventProcessor.successTimer").tag("processorName", "order-fulfilment").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("eventProcessor.capacity").tag("processorName", "order-fulfilment").gauge()).isNotNull();
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "order-fulfilment").gauge()).isNotNull();
    }
}
