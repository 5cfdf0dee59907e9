package com.minkshop.command.monitoring;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogEventMetersTest {

    private static final Logger log = LoggerFactory.getLogger(LogEventMetersTest.class);

    @Test
    void countsTheEventsWrittenByLevelAndStopsCountingWhenClosed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LogEventMeters meters = new LogEventMeters(registry);
        try {
            log.warn("a warning the meter counts");
            log.info("an info line the meter counts");
            log.info("and another");
            log.trace("below the logger's level: never written, never counted");
        } finally {
            meters.destroy();
        }
        log.warn("after the meter was closed");

        assertThat(count(registry, "warn")).isEqualTo(1);
        assertThat(count(registry, "info")).isEqualTo(2);
        assertThat(count(registry, "trace")).isZero();
        assertThat(count(registry, "error")).isZero();
    }

    @Test
    void keepsCountingWhenLoggingIsConfiguredAgain() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogEventMeters meters = new LogEventMeters(registry);
        try {
            // what another application context starting in the same JVM does: every appender is dropped
            logging.reset();
            new ContextInitializer(logging).autoConfig();
            log.warn("a warning after the reset");
        } finally {
            meters.destroy();
        }

        assertThat(count(registry, "warn")).isEqualTo(1);
    }

    private static double count(SimpleMeterRegistry registry, String level) {
        return registry.get("logback.events").tag("level", level).counter().count();
    }
}
