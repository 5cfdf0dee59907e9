package com.minkshop.command.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.DefaultSnapshotterSpanFactory;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.tracing.NoOpSpanFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The snapshotter takes snapshots on its own bounded pool, only once the command's unit of work has committed, and
 * recovers from a full queue.
 */
class SnapshotConfigTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    // aggregate id -> name of the thread that started its snapshot (by reading its events)
    private final Map<String, String> snapshotThreads = new ConcurrentHashMap<>();
    private final CountDownLatch releaseBlocked = new CountDownLatch(1);
    private final EventStore eventStore = mock(EventStore.class);
    private SnapshotConfig config;

    @AfterEach
    void stop() {
        releaseBlocked.countDown();
        config.destroy();
    }

    @Test
    void snapshotIsTakenOnTheSnapshotPoolOnlyAfterCommit() {
        Snapshotter snapshotter = snapshotter(new SnapshotProperties(250, 1, 10));

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        snapshotter.scheduleSnapshot(Counter.class, "AGG-1");
        assertThat(snapshotThreads).isEmpty();
        unitOfWork.commit();

        await().atMost(TIMEOUT).until(() -> snapshotThreads.containsKey("AGG-1"));
        assertThat(snapshotThreads.get("AGG-1")).startsWith("snapshotter-")
                                                .isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void rolledBackCommandTakesNoSnapshot() {
        Snapshotter snapshotter = snapshotter(new SnapshotProperties(250, 1, 10));

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        snapshotter.scheduleSnapshot(Counter.class, "AGG-1");
        unitOfWork.rollback();
        // a later snapshot of another aggregate runs on the same single thread, so AGG-1's would have run first
        snapshotter.scheduleSnapshot(Counter.class, "AGG-2");

        await().atMost(TIMEOUT).until(() -> snapshotThreads.containsKey("AGG-2"));
        assertThat(snapshotThreads).doesNotContainKey("AGG-1");
    }

    @Test
    void fullQueueSkipsTheSnapshotWithoutBlockingThatAggregateForever() throws InterruptedException {
        Snapshotter snapshotter = snapshotter(new SnapshotProperties(250, 1, 1));
        snapshotter.scheduleSnapshot(Counter.class, "BLOCKED");
        await().atMost(TIMEOUT).until(() -> snapshotThreads.containsKey("BLOCKED"));
        snapshotter.scheduleSnapshot(Counter.class, "QUEUED");

        assertThatThrownBy(() -> snapshotter.scheduleSnapshot(Counter.class, "SKIPPED"))
                .isInstanceOf(RejectedExecutionException.class);

        releaseBlocked.countDown();
        await().atMost(TIMEOUT).until(() -> snapshotThreads.containsKey("QUEUED"));
        // Axon no longer counts the skipped snapshot as in progress, so the next request is taken
        snapshotter.scheduleSnapshot(Counter.class, "SKIPPED");
        await().atMost(TIMEOUT).until(() -> snapshotThreads.containsKey("SKIPPED"));
        assertThat(List.copyOf(snapshotThreads.keySet())).containsExactlyInAnyOrder("BLOCKED", "QUEUED", "SKIPPED");
    }

    private Snapshotter snapshotter(SnapshotProperties properties) {
        when(eventStore.readEvents(anyString())).thenAnswer(invocation -> {
            String aggregateId = invocation.getArgument(0);
            snapshotThreads.put(aggregateId, Thread.currentThread().getName());
            if (aggregateId.equals("BLOCKED")) {
                assertThat(releaseBlocked.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
            // a one-event stream: nothing worth storing, the test is about where and when, not what
            return DomainEventStream.of(new GenericDomainEventMessage<>("Counter", aggregateId, 0, aggregateId));
        });
        config = new SnapshotConfig(properties);
        SpringAggregateSnapshotter snapshotter =
                config.aggregateSnapshotter(mock(org.axonframework.config.Configuration.class),
                                            ClasspathHandlerDefinition.forClass(getClass()),
                                            ClasspathParameterResolverFactory.forClass(getClass()),
                                            eventStore,
                                            NoTransactionManager.INSTANCE,
                                            DefaultSnapshotterSpanFactory.builder()
                                                                         .spanFactory(NoOpSpanFactory.INSTANCE)
                                                                         .build());
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("counterFactory", new GenericAggregateFactory<>(Counter.class));
        snapshotter.setApplicationContext(context);
        return snapshotter;
    }

    static class Counter {

        @AggregateIdentifier
        private String id;

        @EventSourcingHandler
        void on(String createdWithId) {
            id = createdWithId;
        }
    }
}
