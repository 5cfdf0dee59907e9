package com.minkshop.command.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Builds the event-sourcing repository of each aggregate (declared next to it, named in its {@code @Aggregate}), so
 * all three share one set of rules: snapshots, the checked cache and reading only their own type's events.
 */
@Component
public class AggregateRepositories {

    // Caffeine's meters (cache.gets, cache.size, cache.evictions...) carry cache="aggregates" and the aggregate type
    static final String CACHE_NAME = "aggregates";
    static final String STALE_METRIC = "minkshop.aggregate.cache.stale";

    private final EventStore eventStore;
    private final SnapshotTriggerDefinition snapshotTrigger;
    private final ParameterResolverFactory parameterResolverFactory;
    private final HandlerDefinition handlerDefinition;
    private final RepositorySpanFactory spanFactory;
    private final org.axonframework.config.Configuration axon;
    private final AggregateCacheProperties cacheProperties;
    private final MeterRegistry meterRegistry;

    // the Axon configuration is lazy: it is still being built when Axon asks for the repositories
    AggregateRepositories(EventStore eventStore,
                          SnapshotTriggerDefinition snapshotTrigger,
                          ParameterResolverFactory parameterResolverFactory,
                          HandlerDefinition handlerDefinition,
                          RepositorySpanFactory spanFactory,
                          @Lazy org.axonframework.config.Configuration axon,
                          AggregateCacheProperties cacheProperties,
                          MeterRegistry meterRegistry) {
        this.eventStore = eventStore;
        this.snapshotTrigger = snapshotTrigger;
        this.parameterResolverFactory = parameterResolverFactory;
        this.handlerDefinition = handlerDefinition;
        this.spanFactory = spanFactory;
        this.axon = axon;
        this.cacheProperties = cacheProperties;
        this.meterRegistry = meterRegistry;
    }

    public <T> Repository<T> create(Class<T> aggregateType) {
        EventSourcingRepository.Builder<T> builder =
                EventSourcingRepository.builder(aggregateType)
                                       .eventStore(eventStore)
                                       .snapshotTriggerDefinition(snapshotTrigger)
                                       .parameterResolverFactory(parameterResolverFactory)
                                       .handlerDefinition(handlerDefinition)
                                       .spanFactory(spanFactory)
                                       .repositoryProvider(axon::repository)
                                       // Product, cart and order ids share the event store's one key space: a
                                       // cart command on a product's id is then "cart not found" instead of
                                       // replaying product events into a cart
                                       .filterByAggregateType();
        if (!cacheProperties.enabled()) {
            return builder.build();
        }
        String name = aggregateType.getSimpleName();
        Cache<String, EventSourcedAggregate<T>> cache = Caffeine.newBuilder()
                                                                .maximumSize(cacheProperties.maximumSize())
                                                                // evictions run on the command thread that put:
                                                                // no hand-off to another pool per write
                                                                .executor(Runnable::run)
                                                                .recordStats()
                                                                .build();
        CaffeineCacheMetrics.monitor(meterRegistry, cache, CACHE_NAME, "aggregate", name);
        Counter stale = Counter.builder(STALE_METRIC)
                               .description("Commands decided on a cached aggregate another writer had moved on, "
                                            + "retried on a fresh load")
                               .tag("aggregate", name)
                               .register(meterRegistry);
        return new CachedAggregateRepository<>(builder, eventStore, cache, stale);
    }
}
