package com.minkshop.query.monitoring;

import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.config.QueryProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where each read model's processor stands against the head of the event store: running or not, in error or not,
 * and how far behind, in events and in seconds. Health and metrics both read it; one look is reused for a second so
 * a scrape plus a probe cost one round of queries.
 */
@Service
public class ProjectionMonitor {

    private static final Duration REUSE = Duration.ofSeconds(1);

    // lazy: health indicators and meter binders are created before Axon's configuration should be touched
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String oldestAfterQuery;
    private final Clock clock;

    private volatile Snapshot last;

    ProjectionMonitor(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore,
                      JdbcTemplate jdbc, Serializer serializer, QueryProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = Clock.systemUTC();
        // the primary key index finds the first event after a position without reading the rest
        this.oldestAfterQuery = "SELECT time_stamp FROM " + properties.eventStore().schema()
                                + ".domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1";
    }

    public List<ProcessorState> processors() {
        Snapshot snapshot = last;
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt.plus(REUSE).isBefore(now)) {
            snapshot = new Snapshot(now, measure(now));
            last = snapshot;
        }
        return snapshot.processors;
    }

    public ProcessorState processor(String name) {
        return processors().stream().filter(state -> state.name().equals(name)).findFirst()
                           .orElseThrow(() -> new IllegalArgumentException("No processor " + name));
    }

    private List<ProcessorState> measure(Instant now) {
        TrackingToken headToken = eventStore.getObject().createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        EventProcessingConfiguration config = processing.getObject();
        return ProcessingGroups.ALL.stream()
                                   .map(group -> config.eventProcessor(group, StreamingEventProcessor.class)
                                                       .map(processor -> stateOf(processor, head, now))
                                                       .orElseThrow(() -> new IllegalStateException(
                                                               "No streaming processor " + group)))
                                   .toList();
    }

    private ProcessorState stateOf(StreamingEventProcessor processor, long head, Instant now) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        long position = storedPosition(processor.getName());
        long lagEvents = Math.max(0, head - position);
        double lagSeconds = lagEvents == 0 ? 0.0 : ageOfFirstEventAfter(position, now);
        return new ProcessorState(processor.getName(), processor.isRunning(), error, replaying, segments.size(),
                                  position, lagEvents, lagSeconds);
    }

    /**
     * The position committed with the views, read from the token table rather than from the processor, so it is
     * known while the processor is stopped or another instance holds its claim. The lowest over the segments;
     * 0 (before the first global index) for a processor that has processed nothing yet.
     */
    private long storedPosition(String processor) {
        List<Long> positions = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, i) -> positionOf(row.getBytes("token"), row.getString("token_type")), processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private long positionOf(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }

    private double ageOfFirstEventAfter(long position, Instant now) {
        List<String> stamps = jdbc.queryForList(oldestAfterQuery, String.class, position);
        if (stamps.isEmpty()) {
            return 0.0;
        }
        Duration age = Duration.between(Instant.parse(stamps.get(0)), now);
        return Math.max(0, age.toNanos()) / 1e9;
    }

    /**
     * One processor, as seen from this instance.
     *
     * @param running         whether it runs in this instance
     * @param error           whether it is retrying a failure (its view stands still meanwhile)
     * @param claimedSegments segments this instance processes; 0 while another instance holds the claim
     * @param position        the global index of the last event processed (lowest over the segments)
     * @param lagEvents       head global index minus {@code position}
     * @param lagSeconds      age of the oldest event not yet processed, 0 when caught up
     */
    public record ProcessorState(String name, boolean running, boolean error, boolean replaying,
                                 int claimedSegments, long position, long lagEvents, double lagSeconds) {
    }

    private record Snapshot(Instant takenAt, List<ProcessorState> processors) {
    }
}
