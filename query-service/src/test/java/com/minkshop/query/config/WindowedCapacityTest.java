package com.minkshop.query.config;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

class WindowedCapacityTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final WindowedCapacity capacity = new WindowedCapacity(
            registry, "eventProcessor.capacity", Tags.of("processorName", "cart-view"), 10, clock);
    private final Message<?> event = asEventMessage("payload");

    @Test
    void isTheShareOfTheWindowSpentHandlingMessages() {
        // busy all the time for 5 s of a 10 s window
        for (int i = 0; i < 10; i++) {
            handle(Duration.ofMillis(500));
        }
        assertThat(gauge()).isCloseTo(0.5, within(1e-9));

        handle(Duration.ofMillis(2500));
        assertThat(gauge()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void forgetsWhatIsOlderThanTheWindow() {
        handle(Duration.ofSeconds(3));
        assertThat(gauge()).isCloseTo(0.3, within(1e-9));

        clock.add(9, TimeUnit.SECONDS);
        assertThat(gauge()).isCloseTo(0.3, within(1e-9));
        clock.add(2, TimeUnit.SECONDS);
        assertThat(gauge()).isZero();
    }

    @Test
    void countsFailedAndIgnoredMessagesToo() {
        MonitorCallback failed = capacity.onMessageIngested(event);
        clock.add(Duration.ofSeconds(1));
        failed.reportFailure(new IllegalStateException("x"));
        MonitorCallback ignored = capacity.onMessageIngested(event);
        clock.add(Duration.ofSeconds(1));
        ignored.reportIgnored();

        assertThat(gauge()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void keepsItsMemoryWhateverTheRate() {
        List<MonitorCallback> callbacks = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            callbacks.add(capacity.onMessageIngested(event));
        }
        clock.add(Duration.ofNanos(1));
        callbacks.forEach(MonitorCallback::reportIgnored);

        // one sum per second of the window, not one entry per message
        assertThat(gauge()).isCloseTo(200_000 / 10e9, within(1e-12));
        assertThat(WindowedCapacity.class.getDeclaredFields())
                .noneMatch(field -> java.util.Collection.class.isAssignableFrom(field.getType())
                                    || java.util.Map.class.isAssignableFrom(field.getType()));
    }

    private void handle(Duration took) {
        MonitorCallback callback = capacity.onMessageIngested(event);
        clock.add(took);
        callback.reportSuccess();
    }

    private double gauge() {
        return registry.get("eventProcessor.capacity").tag("processorName", "cart-view").gauge().value();
    }
}
