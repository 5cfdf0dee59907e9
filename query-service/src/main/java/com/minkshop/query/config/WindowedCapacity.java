package com.minkshop.query.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * A {@code capacity} gauge as Axon's {@code CapacityMonitor} reports it: the time spent handling messages in the last
 * {@code windowSeconds}, as a share of the window (1 = one thread busy all the time). Axon's keeps one entry per
 * message for the whole window; a processor skipping events it has no handler for ingests ~100,000 of them per second
 * (a rebuild, a restart behind a backlog), and those entries filled the 512 MB heap until the service stopped. Here
 * each second of the window is one sum, so the memory does not depend on the rate.
 */
final class WindowedCapacity implements MessageMonitor<Message<?>> {

    private static final long SECOND = 1_000_000_000L;

    private final Clock clock;
    private final int windowSeconds;
    private final long[] secondOf;
    private final long[] busyNanos;

    WindowedCapacity(MeterRegistry registry, String meterName, Tags tags, int windowSeconds, Clock clock) {
        this.clock = clock;
        this.windowSeconds = windowSeconds;
        this.secondOf = new long[windowSeconds];
        this.busyNanos = new long[windowSeconds];
        registry.gauge(meterName, tags, this, WindowedCapacity::capacity);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(start, clock.monotonicTime());
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(start, clock.monotonicTime());
            }

            @Override
            public void reportIgnored() {
                record(start, clock.monotonicTime());
            }
        };
    }

    private synchronized void record(long start, long end) {
        long second = end / SECOND;
        int slot = (int) (second % windowSeconds);
        if (secondOf[slot] != second) {
            secondOf[slot] = second;
            busyNanos[slot] = 0;
        }
        busyNanos[slot] += end - start;
    }

    synchronized double capacity() {
        long now = clock.monotonicTime() / SECOND;
        long busy = 0;
        for (int slot = 0; slot < windowSeconds; slot++) {
            if (now - secondOf[slot] < windowSeconds) {
                busy += busyNanos[slot];
            }
        }
        return (double) busy / (windowSeconds * (double) SECOND);
    }
}
