package com.minkshop.command.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code sagas} component of {@code /actuator/health}: whether the order fulfilment saga's processor runs.
 * DOWN while it is in error (it retries the failing event), OUT_OF_SERVICE when it should run but does not, UP
 * when it runs or was switched off on purpose ({@code minkshop.sagas.auto-start=false}).
 * <p>
 * Deliberately not part of readiness: commands are still taken while the saga retries, and another instance would
 * not help, because the saga's single token stays claimed by the instance that is retrying.
 */
@Component("sagas")
class OrderFulfilmentHealthIndicator extends AbstractHealthIndicator {

    // lazy: health indicators are created before Axon's configuration should be touched
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final SagaProperties properties;

    OrderFulfilmentHealthIndicator(ObjectProvider<EventProcessingConfiguration> processing,
                                   SagaProperties properties) {
        super("Order fulfilment saga health check failed");
        this.processing = processing;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        StreamingEventProcessor processor = processing.getObject()
                .eventProcessor(SagaConfig.ORDER_FULFILMENT, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + SagaConfig.ORDER_FULFILMENT));
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = processor.isError() || segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        long position = segments.values().stream()
                                .map(EventTrackerStatus::getCurrentPosition)
                                .filter(OptionalLong::isPresent)
                                .mapToLong(OptionalLong::getAsLong)
                                .min().orElse(-1);
        if (error) {
            health.down();
        } else if (!processor.isRunning() && properties.autoStart()) {
            health.outOfService();
        } else {
            health.up();
        }
        health.withDetail("processor", processor.getName())
              .withDetail("running", processor.isRunning())
              .withDetail("error", error)
              .withDetail("autoStart", properties.autoStart())
              .withDetail("claimedSegments", segments.size())
              .withDetail("position", position);
    }
}
