package com.minkshop.command.config;

import com.minkshop.command.common.DatabaseFailures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Resumes order fulfilment as soon as the database is back. The saga's tracking processor doubles its wait after
 * each failure up to 60 s (fixed in Axon 4.13), so after an outage orders placed meanwhile waited up to another minute
 * for their stock reservation while every command already worked. When the processor's failure was the database being
 * unavailable and a probe reaches the database again, the processor is restarted; any other failure keeps Axon's
 * back-off. The query-service does the same for its read models (admin.ProcessorRecovery).
 */
@Component
class SagaRecovery {

    private static final Logger log = LoggerFactory.getLogger(SagaRecovery.class);
    // a database that fails again right after answering the probe must not turn this into a tight restart loop
    static final long MIN_MILLIS_BETWEEN_RESTARTS = 5_000;

    // lazy, like the health indicator: Axon's configuration is not ready when this bean is created
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private long lastRestartMillis;

    SagaRecovery(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${minkshop.sagas.recovery-interval:1s}")
    void restartTheSagaIfItWaitsOutADatabaseOutage() {
        processing.getObject()
                  .eventProcessor(SagaConfig.ORDER_FULFILMENT, StreamingEventProcessor.class)
                  .ifPresent(processor -> restartIfWaitingForTheDatabase(processor, this::databaseAnswers));
    }

    /** True when the processor was restarted. */
    boolean restartIfWaitingForTheDatabase(StreamingEventProcessor processor, BooleanSupplier databaseAnswers) {
        long now = System.currentTimeMillis();
        if (!failedForWantOfTheDatabase(processor) || now - lastRestartMillis < MIN_MILLIS_BETWEEN_RESTARTS
                || !databaseAnswers.getAsBoolean()) {
            return false;
        }
        log.info("Database reachable again; restarting processor [{}] instead of waiting out its back-off",
                 processor.getName());
        lastRestartMillis = now;
        processor.shutDown();
        processor.start();
        return true;
    }

    static boolean failedForWantOfTheDatabase(StreamingEventProcessor processor) {
        // a claimed segment in error: its worker waits in the back-off, the launcher that could race a shutdown is done
        return processor.isRunning()
                && processor.processingStatus().values().stream()
                            .filter(EventTrackerStatus::isErrorState)
                            .anyMatch(status -> status.getError() != null
                                    && DatabaseFailures.isUnavailable(status.getError()));
    }

    private boolean databaseAnswers() {
        try {
            return Integer.valueOf(1).equals(jdbc.queryForObject("SELECT 1", Integer.class));
        } catch (RuntimeException stillDown) {
            return false;
        }
    }
}
