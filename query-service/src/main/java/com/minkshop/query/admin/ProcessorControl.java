package com.minkshop.query.admin;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Stops and starts a read model's processor without losing it to a race in Axon 4.13.0's tracking processor: when a
 * shutdown lands while the worker launcher has just claimed a segment, the launcher frees the segment but never gives
 * back its thread, so the restarted processor reports running yet never claims a segment again (the view silently
 * freezes; same family as Axon issues #2293 and #2848). Two guards: a processor still launching is given time to
 * settle before it is stopped, and a thread budget found short after the stop is restored before the next start.
 */
@Component
public class ProcessorControl {

    private static final Logger log = LoggerFactory.getLogger(ProcessorControl.class);

    // longer than the launcher's 5 s claim interval, so a free segment is claimed within it
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(10);
    private static final long SETTLE_POLL_MILLIS = 20;
    private static final Duration THREAD_RETURN_TIMEOUT = Duration.ofMillis(500);

    private final Duration settleTimeout;

    public ProcessorControl() {
        this(SETTLE_TIMEOUT);
    }

    ProcessorControl(Duration settleTimeout) {
        this.settleTimeout = settleTimeout;
    }

    /**
     * Stops the processor and waits until its workers have ended and released their claims. Safe to call again.
     */
    public void stop(StreamingEventProcessor processor) {
        if (processor.isRunning()) {
            // once a segment is claimed the launcher has handed it to a worker, past the racy window
            awaitTrue(() -> !processor.processingStatus().isEmpty() || !processor.isRunning(), settleTimeout);
        }
        processor.shutDown();
        restoreThreadBudget(processor);
    }

    public void start(StreamingEventProcessor processor) {
        processor.start();
    }

    /**
     * After a complete stop every thread of a tracking processor must be available again; any shortfall was lost in
     * the race and would leave the processor unable to claim its segments.
     */
    static void restoreThreadBudget(StreamingEventProcessor processor) {
        if (!(processor instanceof TrackingEventProcessor tracking) || tracking.activeProcessorThreads() > 0) {
            return;
        }
        // a worker that is just ending frees its segment a moment before it gives its thread back (and the shutdown
        // may already have returned): only a shortfall that stays is a lost thread, else the budget would overflow
        awaitTrue(() -> tracking.availableProcessorThreads() >= tracking.maxCapacity(), THREAD_RETURN_TIMEOUT);
        int lost = tracking.maxCapacity() - tracking.availableProcessorThreads();
        if (lost <= 0) {
            return;
        }
        try {
            // Axon offers no API to repair the count; the field has kept this name through the 4.x line
            Field field = TrackingEventProcessor.class.getDeclaredField("availableThreads");
            field.setAccessible(true);
            ((AtomicInteger) field.get(tracking)).addAndGet(lost);
            log.warn("Processor [{}] had lost {} of its {} threads in a shutdown race; restored them",
                     tracking.getName(), lost, tracking.maxCapacity());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.error("Processor [{}] lost {} of its threads in a shutdown race and they cannot be restored; "
                      + "restart the service so its view is updated again", tracking.getName(), lost, e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(SETTLE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
