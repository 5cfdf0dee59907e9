package com.minkshop.command.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Snapshots, so a long-lived aggregate (a product gains an event per reservation, release and shipment) is loaded
 * from its latest snapshot plus the few events after it instead of its whole history.
 * <p>
 * Snapshots are JSON written by the general serializer ({@code AxonConfig#serializer}), so every aggregate needs
 * field visibility for Jackson and a {@code @Revision} that is raised whenever its fields change.
 */
@Configuration(proxyBeanMethods = false)
class SnapshotConfig implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotConfig.class);

    // not a bean: an Executor bean would make Spring Boot skip its own applicationTaskExecutor
    private final ThreadPoolExecutor snapshotExecutor;

    SnapshotConfig(SnapshotProperties properties) {
        this.snapshotExecutor = new ThreadPoolExecutor(properties.threads(), properties.threads(),
                                                       0, TimeUnit.MILLISECONDS,
                                                       new ArrayBlockingQueue<>(properties.queueCapacity()),
                                                       daemonThreads("snapshotter-"),
                                                       dropWhenFull());
    }

    /**
     * One definition serves all three aggregates (their repositories are built by {@link AggregateRepositories}): it
     * holds no state itself, every loaded aggregate gets a counter of its own.
     */
    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

    /**
     * Replaces Axon's auto-configured snapshotter (it backs off on any {@link Snapshotter} bean), which has no
     * executor and so would build each snapshot on the command thread that crossed the threshold, adding a full
     * replay and an insert to that client's response time. Axon hands the task to the executor after the command's
     * transaction committed; the transaction manager gives the snapshot its own transaction on the pool thread.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore,
                                                    TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                                         .repositoryProvider(axon::repository)
                                         .eventStore(eventStore)
                                         .transactionManager(transactionManager)
                                         .executor(snapshotExecutor)
                                         .parameterResolverFactory(parameterResolverFactory)
                                         .handlerDefinition(handlerDefinition)
                                         .spanFactory(spanFactory)
                                         .build();
    }

    // A snapshot cut short is rolled back and simply requested again by a later command, so no need to wait.
    @Override
    public void destroy() {
        snapshotExecutor.shutdownNow();
    }

    /**
     * A snapshot is only an optimisation, so under overload it is skipped rather than run on (and slowing) the
     * command thread. The rejection must still be thrown: Axon then forgets that the aggregate's snapshot is "in
     * progress" (a silently discarded task would block that aggregate's snapshots until restart) and, as this
     * happens after commit, only logs it; the command itself has succeeded.
     */
    private static RejectedExecutionHandler dropWhenFull() {
        return (task, executor) -> {
            if (executor.isShutdown()) {
                throw new RejectedExecutionException("snapshotter is shut down");
            }
            log.warn("[SNAPSHOT] queue full ({} waiting), snapshot skipped", executor.getQueue().size());
            throw new RejectedExecutionException("snapshot queue full");
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
