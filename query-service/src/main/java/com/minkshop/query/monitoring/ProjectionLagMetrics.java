package com.minkshop.query.monitoring;

import com.minkshop.query.config.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Projection lag per processor: {@code minkshop_projection_lag_events{processor}} (head global index minus the
 * processor's position) and {@code minkshop_projection_lag_seconds{processor}} (age of the oldest event it has not
 * processed, 0 when caught up), from the stored tokens, so
 * they are right on every instance, whichever holds the claim, and for stopped processors too.
 */
@Component
class ProjectionLagMetrics implements MeterBinder {

    static final String LAG_EVENTS = "minkshop.projection.lag.events";
    static final String LAG_SECONDS = "minkshop.projection.lag.seconds";

    private final ProjectionMonitor monitor;

    ProjectionLagMetrics(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : ProcessingGroups.ALL) {
            Gauge.builder(LAG_EVENTS, () -> monitor.processor(processor).lagEvents())
                 .description("Events in the store that the processor has not handled yet")
                 .tag("processor", processor)
                 .register(registry);
            Gauge.builder(LAG_SECONDS, () -> monitor.processor(processor).lagSeconds())
                 .description("Age of the oldest event the processor has not handled yet, 0 when caught up")
                 .tag("processor", processor)
                 .register(registry);
        }
    }
}
