package com.minkshop.command.config;

import com.minkshop.command.LogCapture;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real tracking processor whose token store fails like a lost database: once Axon's back-off has grown to 8 s and
 * the database is back, the recovery restarts the processor and the waiting event is handled at once.
 */
class SagaRecoveryTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
                                                                .storageEngine(new InMemoryEventStorageEngine())
                                                                .build();
    private final LogCapture axonLog = LogCapture.of(TrackingEventProcessor.class);
    // the scheduled entry point looks the processor up and probes with SQL; the test hands both in directly
    private final SagaRecovery recovery = new SagaRecovery(null, null);
    private TrackingEventProcessor processor;

    @AfterEach
    void stop() {
        axonLog.close();
        if (processor != null) {
            databaseDown.set(false);
            processor.shutDown();
        }
        events.shutDown();
    }

    @Test
    void restartsAProcessorWaitingOutADatabaseOutageOnceTheDatabaseAnswers() {
        failure.set(new IllegalStateException("token store", new SQLException("connection refused", "08001")));
        processor = startProcessor();
        await().atMost(LIMIT).until(() -> !processor.processingStatus().isEmpty());

        databaseDown.set(true);
        await().atMost(LIMIT).until(() -> axonLog.messages().stream().anyMatch(m -> m.contains("retry in 8s")));
        events.publish(GenericEventMessage.asEventMessage("order placed during the outage"));
        assertThat(recovery.restartIfWaitingForTheDatabase(processor, () -> false)).as("still down").isFalse();

        databaseDown.set(false);
        long restored = System.nanoTime();
        assertThat(recovery.restartIfWaitingForTheDatabase(processor, () -> true)).isTrue();
        await().atMost(LIMIT).until(() -> handled.contains("order placed during the outage"));

        // Axon alone would only have tried again when its 8 s wait ran out
        assertThat(Duration.ofNanos(System.nanoTime() - restored)).isLessThan(Duration.ofSeconds(5));
        assertThat(SagaRecovery.failedForWantOfTheDatabase(processor)).isFalse();
    }

    @Test
    void leavesAnyOtherFailureToAxonsBackOff() {
        failure.set(new IllegalStateException("a bug in the token store"));
        processor = startProcessor();
        await().atMost(LIMIT).until(() -> !processor.processingStatus().isEmpty());

        databaseDown.set(true);
        await().atMost(LIMIT).until(() -> processor.processingStatus().values().stream()
                                                   .anyMatch(EventTrackerStatus::isErrorState));

        assertThat(SagaRecovery.failedForWantOfTheDatabase(processor)).isFalse();
        assertThat(recovery.restartIfWaitingForTheDatabase(processor, () -> true)).isFalse();
    }

    private TrackingEventProcessor startProcessor() {
        TrackingEventProcessor tracking = TrackingEventProcessor.builder()
                .name(SagaConfig.ORDER_FULFILMENT)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Handler()).build())
                .messageSource(events)
                .tokenStore(failingWhileDown(new InMemoryTokenStore()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS))
                .build();
        tracking.start();
        return tracking;
    }

    /** Every call fails with the configured failure while the "database" is down, as a JDBC token store would. */
    private TokenStore failingWhileDown(TokenStore store) {
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[]{TokenStore.class},
                (proxy, method, args) -> {
                    if (databaseDown.get()) {
                        throw failure.get();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private class Handler {

        @EventHandler
        void on(String payload) {
            handled.add(payload);
        }
    }
}
