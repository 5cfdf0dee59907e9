package com.minkshop.command.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

class MessageMetersTest {

    private final MockClock clock = new MockClock();

    @Test
    void recordsWhatAxonsCountingAndTimerMonitorsRecord() {
        MeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        Function<Message<?>, Iterable<Tag>> perPayload = message -> Tags.of(
                "payloadType", message.getPayloadType().getSimpleName(), "processorName", "order-fulfilment");
        MessageMonitor<Message<?>> axon = new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.builder().meterNamePrefix("eventProcessor").meterRegistry(axons).clock(clock)
                                   .tagsBuilder(perPayload).build(),
                MessageCountingMonitor.buildMonitor("eventProcessor", axons, perPayload)));
        MessageMonitor<Message<?>> meters =
                new MessageMeters(ours, "eventProcessor", Tags.of("processorName", "order-fulfilment"), clock);

        for (MessageMonitor<Message<?>> monitor : List.of(axon, meters)) {
            handle(monitor, "a", Outcome.SUCCESS, Duration.ofMillis(3));
            handle(monitor, "b", Outcome.IGNORED, Duration.ofMillis(1));
            handle(monitor, 7, Outcome.FAILURE, Duration.ofMillis(20));
            handle(monitor, 8, Outcome.IGNORED, Duration.ofMillis(2));
            handle(monitor, 9, Outcome.SUCCESS, Duration.ofMillis(5));
        }

        assertThat(snapshot(ours)).isEqualTo(snapshot(axons)).hasSize(18);
    }

    @Test
    void countsIgnoredMessagesButNotAsProcessed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMeters meters = new MessageMeters(registry, "eventProcessor", Tags.of("processorName", "x"), clock);

        for (int i = 0; i < 1_000; i++) {
            handle(meters, "event " + i, Outcome.IGNORED, Duration.ZERO);
        }

        assertThat(registry.get("eventProcessor.ignoredTimer").timer().count()).isEqualTo(1_000);
        assertThat(registry.get("eventProcessor.allTimer").timer().count()).isEqualTo(1_000);
        assertThat(registry.get("eventProcessor.ignoredCounter").tag("payloadType", "String").counter().count())
                .isEqualTo(1_000);
        assertThat(registry.get("eventProcessor.processedCounter").counter().count()).isZero();
    }

    private void handle(MessageMonitor<Message<?>> monitor, Object payload, Outcome outcome, Duration took) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(asEventMessage(payload));
        clock.add(took);
        switch (outcome) {
            case SUCCESS -> callback.reportSuccess();
            case FAILURE -> callback.reportFailure(new IllegalStateException("handler failed"));
            case IGNORED -> callback.reportIgnored();
        }
    }

    // every meter by name and tags: a counter's count, a timer's count and total
    private static Map<String, String> snapshot(MeterRegistry registry) {
        Map<String, String> values = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String key = meter.getId().getName() + meter.getId().getTags();
            if (meter instanceof Counter counter) {
                values.put(key, "count " + counter.count());
            } else if (meter instanceof Timer timer) {
                values.put(key, "count " + timer.count() + " total " + timer.totalTime(TimeUnit.NANOSECONDS)
                                + " percentiles " + timer.takeSnapshot().percentileValues().length);
            }
        }
        return values;
    }

    private enum Outcome { SUCCESS, FAILURE, IGNORED }
}
