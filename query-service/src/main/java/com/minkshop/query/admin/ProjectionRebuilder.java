package com.minkshop.query.admin;

import com.minkshop.query.config.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Rebuilds every read model from the event store: each processor is stopped, its token reset to the start (which runs
 * the projector's {@code @ResetHandler} and clears its dead letters in the same transaction) and started again; it
 * then replays all events in the background.
 */
@Service
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorControl control;

    ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore, ProcessorControl control) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.control = control;
    }

    public synchronized List<String> rebuildAll() {
        List<StreamingEventProcessor> processors = processors();
        // a token can only be reset while no thread holds its claim
        processors.forEach(control::stop);
        for (StreamingEventProcessor processor : processors) {
            processor.resetTokens();
            log.info("Processor [{}] reset; replaying all events", processor.getName());
        }
        processors.forEach(control::start);
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    /**
     * Where each processor stands. A rebuild is complete when every {@code position} has reached {@code head}; the
     * {@code replaying} flag only clears with the first event after the rebuild point (Axon's replay semantics).
     */
    public ProjectionStatus status() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        return new ProjectionStatus(head, processors().stream().map(p -> statusOf(p, head)).toList());
    }

    private List<StreamingEventProcessor> processors() {
        return ProcessingGroups.ALL.stream()
                                   .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class)
                                                           .orElseThrow(() -> new IllegalStateException(
                                                                   "No streaming processor [" + group + "]")))
                                   .toList();
    }

    private static ProcessorStatus statusOf(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent)
                                .mapToLong(OptionalLong::getAsLong)
                                .min().orElse(-1);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return new ProcessorStatus(processor.getName(), processor.isRunning(), replaying, error, segments.size(),
                                   position, !segments.isEmpty() && position >= head);
    }

    /**
     * @param head       the global index of the newest event in the store, -1 when it is empty
     * @param processors one entry per read model
     */
    public record ProjectionStatus(long head, List<ProcessorStatus> processors) {
    }

    /**
     * @param position lowest global index processed over the claimed segments, -1 when none is known yet
     * @param caughtUp whether the processor has handled every event up to {@code head}
     */
    public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error,
                                  int claimedSegments, long position, boolean caughtUp) {
    }
}
