package com.minkshop.command.config;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of Axon's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} (same names, tags and
 * settings), registered once per payload type. Axon's look up four timers and five counters in the registry for every
 * message: a twentieth of this service's CPU per command, and a tenth of the query-service's, whose processors see
 * every event. The tag sets are bounded: one per command or event class.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final Duration STATISTICS_EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags tags;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    MessageMeters(MeterRegistry registry, String prefix, Tags tags, Clock clock) {
        this.registry = registry;
        this.prefix = prefix;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        meters.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.record(clock.monotonicTime() - start, meters.successTimer, meters.success, true);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.record(clock.monotonicTime() - start, meters.failureTimer, meters.failure, true);
            }

            @Override
            public void reportIgnored() {
                meters.record(clock.monotonicTime() - start, meters.ignoredTimer, meters.ignored, false);
            }
        };
    }

    private Meters register(Class<?> payloadType) {
        Tags typeTags = tags.and("payloadType", payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", typeTags), counter("successCounter", typeTags),
                          counter("failureCounter", typeTags), counter("processedCounter", typeTags),
                          counter("ignoredCounter", typeTags), timer("allTimer", typeTags),
                          timer("successTimer", typeTags), timer("failureTimer", typeTags),
                          timer("ignoredTimer", typeTags));
    }

    private Counter counter(String name, Tags typeTags) {
        return registry.counter(prefix + '.' + name, typeTags);
    }

    private Timer timer(String name, Tags typeTags) {
        return Timer.builder(prefix + '.' + name)
                    .distributionStatisticExpiry(STATISTICS_EXPIRY)
                    .publishPercentiles(PERCENTILES)
                    .tags(typeTags)
                    .register(registry);
    }

    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer all, Timer successTimer, Timer failureTimer, Timer ignoredTimer) {

        // as Axon's: an ignored message is not counted as processed
        void record(long nanos, Timer outcomeTimer, Counter outcome, boolean processedMessage) {
            all.record(nanos, TimeUnit.NANOSECONDS);
            outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
            outcome.increment();
            if (processedMessage) {
                processed.increment();
            }
        }
    }
}
