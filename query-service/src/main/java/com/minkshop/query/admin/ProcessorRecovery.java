package com.minkshop.query.admin;

import com.minkshop.query.config.DatabaseFailures;
import com.minkshop.query.config.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings the read models back as soon as the database is. A tracking processor that fails waits before it tries
 * again, doubling the wait up to 60 s (fixed in Axon 4.13), so after an outage of a minute or more the views stayed
 * frozen for up to another minute while every command already worked. A processor whose failure was the database
 * being unavailable is restarted once a probe reaches the database again; any other failure keeps Axon's back-off.
 */
@Component
class ProcessorRecovery {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);
    // a database that fails again right after answering the probe must not turn this into a tight restart loop
    private static final long MIN_MILLIS_BETWEEN_RESTARTS = 5_000;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ProcessorControl control;
    private final ProjectionRebuilder rebuilder;
    private final Map<String, Long> lastRestart = new ConcurrentHashMap<>();

    ProcessorRecovery(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProcessorControl control,
                      ProjectionRebuilder rebuilder) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.control = control;
        this.rebuilder = rebuilder;
    }

    @Scheduled(fixedDelayString = "${minkshop.query.processor-recovery-interval:1s}")
    void restartProcessorsWaitingOutADatabaseOutage() {
        List<StreamingEventProcessor> waiting = ProcessingGroups.ALL.stream()
                .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class))
                .flatMap(Optional::stream)
                .filter(ProcessorRecovery::failedForWantOfTheDatabase)
                .filter(this::notRestartedLately)
                .toList();
        if (waiting.isEmpty() || !databaseAnswers()) {
            return;
        }
        // the rebuilder's lock: a restart must never start a processor between a rebuild's stop and its reset
        synchronized (rebuilder) {
            for (StreamingEventProcessor processor : waiting) {
                if (processor.isRunning()) {
                    log.info("Database reachable again; restarting processor [{}] instead of waiting out its back-off",
                             processor.getName());
                    lastRestart.put(processor.getName(), System.currentTimeMillis());
                    control.stop(processor);
                    control.start(processor);
                }
            }
        }
    }

    static boolean failedForWantOfTheDatabase(StreamingEventProcessor processor) {
        return processor.isRunning()
                && processor.processingStatus().values().stream()
                            .filter(EventTrackerStatus::isErrorState)
                            .anyMatch(status -> status.getError() != null
                                    && DatabaseFailures.isUnavailable(status.getError()));
    }

    private boolean notRestartedLately(StreamingEventProcessor processor) {
        Long last = lastRestart.get(processor.getName());
        return last == null || System.currentTimeMillis() - last >= MIN_MILLIS_BETWEEN_RESTARTS;
    }

    private boolean databaseAnswers() {
        try {
            return Integer.valueOf(1).equals(jdbc.queryForObject("SELECT 1", Integer.class));
        } catch (RuntimeException stillDown) {
            return false;
        }
    }
}
