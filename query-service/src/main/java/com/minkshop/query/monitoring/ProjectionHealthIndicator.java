package com.minkshop.query.monitoring;

import com.minkshop.query.monitoring.ProjectionMonitor.ProcessorState;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code projections} component of {@code /actuator/health} and of readiness: DOWN while any read model's
 * processor is in error (it keeps retrying the failing batch, so its view stands still), OUT_OF_SERVICE while one is
 * stopped (e.g. the moment a rebuild restarts them), UP otherwise. Lag alone never makes it unhealthy: a rebuild or
 * a burst of commands is expected to be caught up, and the lag metrics are there to alert on.
 */
@Component("projections")
class ProjectionHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionMonitor monitor;

    ProjectionHealthIndicator(ProjectionMonitor monitor) {
        super("Projection health check failed");
        this.monitor = monitor;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Status worst = Status.UP;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (ProcessorState state : monitor.processors()) {
            Status status = statusOf(state);
            if (severity(status) > severity(worst)) {
                worst = status;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.getCode());
            details.put("running", state.running());
            details.put("error", state.error());
            details.put("replaying", state.replaying());
            details.put("claimedSegments", state.claimedSegments());
            details.put("position", state.position());
            details.put("lagEvents", state.lagEvents());
            details.put("lagSeconds", state.lagSeconds());
            processors.put(state.name(), details);
        }
        health.status(worst).withDetail("processors", processors);
    }

    private static Status statusOf(ProcessorState state) {
        if (state.error()) {
            return Status.DOWN;
        }
        return state.running() ? Status.UP : Status.OUT_OF_SERVICE;
    }

    private static int severity(Status status) {
        if (Status.DOWN.equals(status)) {
            return 2;
        }
        return Status.OUT_OF_SERVICE.equals(status) ? 1 : 0;
    }
}
