package com.minkshop.command;

import com.minkshop.api.common.EventJson;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs an aggregate's commands the way the command-service does (annotation command handler, event-sourcing
 * repository, Axon's own snapshotter) on an in-memory store whose snapshots go through the production JSON format,
 * so a test can compare what follows a history with and without a snapshot in between.
 *
 * @param <T> the aggregate type
 */
public final class SnapshotRoundTrip<T> {

    private final Class<T> aggregateType;
    private final ParameterResolverFactory parameters;

    public SnapshotRoundTrip(Class<T> aggregateType, Clock clock) {
        this.aggregateType = aggregateType;
        // command handlers take the Clock as a resource, as they do from the Spring context
        this.parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(aggregateType),
                new SimpleResourceParameterResolverFactory(List.of(clock)));
    }

    /**
     * Sends {@code history}, optionally snapshots the aggregate, then sends {@code followUps} and reports what they
     * answered and appended.
     */
    public Run run(String aggregateId, List<?> history, List<?> followUps, boolean snapshotInBetween) {
        JsonSnapshotStorage storage = new JsonSnapshotStorage();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        try {
            AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, parameters);
            EventSourcingRepository<T> repository = EventSourcingRepository.builder(aggregateType)
                                                                           .aggregateModel(model)
                                                                           .eventStore(eventStore)
                                                                           .build();
            SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
            AggregateAnnotationCommandHandler.<T>builder()
                                             .aggregateType(aggregateType)
                                             .aggregateModel(model)
                                             .repository(repository)
                                             .build()
                                             .subscribe(commandBus);

            for (Object command : history) {
                Outcome outcome = send(commandBus, command);
                if (outcome.failure() != null) {
                    throw new IllegalArgumentException("history command failed: " + outcome.failure());
                }
            }
            long historyLength = storage.eventCount(aggregateId);
            if (snapshotInBetween) {
                AggregateSnapshotter.builder()
                                    .eventStore(eventStore)
                                    .aggregateFactories(new GenericAggregateFactory<>(model))
                                    .parameterResolverFactory(parameters)
                                    .build()
                                    .scheduleSnapshot(aggregateType, aggregateId);
            }
            boolean loadsFromSnapshot = startsWithSnapshot(eventStore.readEvents(aggregateId));

            List<Outcome> outcomes = new ArrayList<>();
            for (Object command : followUps) {
                outcomes.add(send(commandBus, command));
            }
            List<Object> appended = storage.readEvents(aggregateId, historyLength).asStream()
                                           .map(event -> (Object) event.getPayload())
                                           .toList();
            return new Run(outcomes, appended, loadsFromSnapshot, storage.snapshotJson, storage.snapshotRevision,
                           storage.snapshotSequence);
        } finally {
            eventStore.shutDown();
        }
    }

    private boolean startsWithSnapshot(DomainEventStream stream) {
        return stream.hasNext() && aggregateType.isInstance(stream.peek().getPayload());
    }

    private static Outcome send(SimpleCommandBus commandBus, Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult(10, TimeUnit.SECONDS);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            return new Outcome(null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        return new Outcome(result.getPayload(), null);
    }

    /** What one follow-up command answered: its result, or its failure as "ExceptionClass: message". */
    public record Outcome(Object result, String failure) {

        /** The failure's exception class, or null for a success. */
        public String failureType() {
            return failure == null ? null : failure.substring(0, failure.indexOf(':'));
        }
    }

    /**
     * The follow-up commands' outcomes and appended event payloads, whether they were loaded from a snapshot, and
     * the snapshot as stored (JSON, revision, sequence number of the last event it covers), if one was taken.
     */
    public record Run(List<Outcome> outcomes, List<Object> appendedEvents, boolean loadedFromSnapshot,
                      String snapshotJson, String snapshotRevision, long snapshotSequence) {
    }

    /**
     * Keeps snapshots serialized, as the JPA storage engine does, and deserializes a fresh aggregate on every read,
     * so nothing of the original object survives into the restored one.
     */
    private static final class JsonSnapshotStorage extends InMemoryEventStorageEngine {

        private final Serializer serializer = EventJson.serializer();
        private SerializedObject<byte[]> snapshot;
        private String snapshotType;
        private String snapshotAggregateId;
        private String snapshotJson;
        private String snapshotRevision;
        private long snapshotSequence = -1;

        @Override
        public void storeSnapshot(DomainEventMessage<?> message) {
            snapshot = serializer.serialize(message.getPayload(), byte[].class);
            snapshotType = message.getType();
            snapshotAggregateId = message.getAggregateIdentifier();
            snapshotSequence = message.getSequenceNumber();
            snapshotJson = new String(snapshot.getData(), StandardCharsets.UTF_8);
            snapshotRevision = snapshot.getType().getRevision();
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            if (snapshot == null || !aggregateIdentifier.equals(snapshotAggregateId)) {
                return Optional.empty();
            }
            Object aggregate = serializer.deserialize(snapshot);
            return Optional.of(new GenericDomainEventMessage<>(snapshotType, aggregateIdentifier, snapshotSequence,
                                                               aggregate));
        }

        long eventCount(String aggregateId) {
            return readEvents(aggregateId, 0).asStream().count();
        }
    }
}
