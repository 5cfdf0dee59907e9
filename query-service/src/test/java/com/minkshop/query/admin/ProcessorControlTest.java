package com.minkshop.query.admin;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;

/**
 * Forces the shutdown race of Axon's tracking processor (a stop landing while the launcher claims a segment) and
 * shows that a plain stop loses the processor's only thread while {@link ProcessorControl} gets it back.
 */
class ProcessorControlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<Object> handled = new CopyOnWriteArrayList<>();
    private final RacingTokenStore tokens = new RacingTokenStore();
    private TrackingEventProcessor processor;

    @BeforeEach
    void processor() {
        processor = TrackingEventProcessor.builder()
                                          .name("probe")
                                          .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                        .eventHandlers(new Probe())
                                                                                        .build())
                                          .messageSource(eventStore)
                                          .tokenStore(tokens)
                                          .transactionManager(NoTransactionManager.INSTANCE)
                                          .trackingEventProcessorConfiguration(
                                                  TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                                          .build();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
        eventStore.shutDown();
    }

    @Test
    void aPlainStopDuringTheClaimLosesTheProcessorsOnlyThread() throws InterruptedException {
        startInsideTheRace();

        processor.shutDown();

        // if Axon fixes the race this fails, and ProcessorControl's repair can go
        assertThat(processor.availableProcessorThreads()).isZero();
    }

    @Test
    void stoppingDuringTheClaimKeepsTheThreadSoTheRestartedProcessorHandlesNewEvents() throws InterruptedException {
        startInsideTheRace();

        // a settle time too short to wait the race out
        new ProcessorControl(Duration.ofMillis(50)).stop(processor);

        assertThat(processor.availableProcessorThreads()).isEqualTo(1);
        assertRestartedProcessorHandles("after the race");
    }

    @Test
    void aStopRightAfterStartWaitsForTheLaunchToSettle() {
        processor.start();

        new ProcessorControl().stop(processor);

        assertThat(processor.availableProcessorThreads()).isEqualTo(1);
        assertThat(processor.isRunning()).isFalse();
        assertRestartedProcessorHandles("after a settled stop");
    }

    private void startInsideTheRace() throws InterruptedException {
        tokens.raceWith = processor;
        processor.start();
        assertThat(tokens.claiming.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("launcher claims").isTrue();
    }

    private void assertRestartedProcessorHandles(String payload) {
        new ProcessorControl().start(processor);
        eventStore.publish(asEventMessage(payload));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(handled).contains(payload));
    }

    private class Probe {
        @EventHandler
        void on(String payload) {
            handled.add(payload);
        }
    }

    /**
     * Holds the launcher's claim of a segment until the processor has been told to shut down: the race's window.
     */
    private static class RacingTokenStore extends InMemoryTokenStore {

        private final CountDownLatch claiming = new CountDownLatch(1);
        private volatile TrackingEventProcessor raceWith;

        @Override
        public TrackingToken fetchToken(String processorName, Segment segment) {
            TrackingEventProcessor racing = raceWith;
            if (racing != null) {
                raceWith = null;
                claiming.countDown();
                await().atMost(TIMEOUT).until(() -> !racing.isRunning());
            }
            return super.fetchToken(processorName, segment);
        }
    }
}
