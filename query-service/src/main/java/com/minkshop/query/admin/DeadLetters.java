package com.minkshop.query.admin;

import com.minkshop.query.config.ProcessingGroups;
import com.minkshop.query.config.QueryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Makes parked events visible (a {@code minkshop.dead.letters} gauge per processing group) and retries them, on
 * demand and on a schedule, so a transient failure heals without an operator.
 */
@Service
public class DeadLetters implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String GAUGE = "minkshop.dead.letters";

    // lazy: meter binders are created early, before Axon's configuration should be touched
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final JdbcTemplate jdbc;
    private final QueryProperties.DeadLetters settings;

    DeadLetters(ObjectProvider<EventProcessingConfiguration> processing, JdbcTemplate jdbc,
                QueryProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.settings = properties.deadLetters();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProcessingGroups.ALL.forEach(group -> Gauge.builder(GAUGE, () -> count(group))
                                                   .tag("group", group)
                                                   .description("Events parked in the dead-letter queue")
                                                   .register(registry));
    }

    public long count(String group) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                                         Long.class, group);
        return count == null ? 0 : count;
    }

    /**
     * Retries every parked sequence of the group once.
     *
     * @return the number of sequences that now went through, or empty for an unknown group
     */
    public Optional<RetryResult> retry(String group) {
        if (!ProcessingGroups.ALL.contains(group)) {
            return Optional.empty();
        }
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> letters =
                processing.getObject().sequencedDeadLetterProcessor(group);
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        long sequences = jdbc.queryForObject(
                "SELECT count(DISTINCT sequence_identifier) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, group);
        int succeeded = 0;
        // bounded: a sequence that fails again stays parked and must not be retried in a tight loop
        for (long i = 0; i < sequences; i++) {
            if (!letters.get().processAny()) {
                break;
            }
            succeeded++;
        }
        long remaining = count(group);
        if (succeeded > 0 || remaining > 0) {
            log.warn("Dead-letter retry of [{}]: {} sequence(s) processed, {} letter(s) still parked", group,
                     succeeded, remaining);
        }
        return Optional.of(new RetryResult(group, succeeded, remaining));
    }

    @Scheduled(initialDelayString = "${minkshop.query.dead-letters.retry-interval:PT1M}",
               fixedDelayString = "${minkshop.query.dead-letters.retry-interval:PT1M}")
    void retryAll() {
        if (settings.retryInterval().isZero()) {
            return;
        }
        ProcessingGroups.ALL.stream().filter(group -> count(group) > 0).forEach(this::retry);
    }

    public record RetryResult(String group, int processedSequences, long remainingLetters) {
    }
}
