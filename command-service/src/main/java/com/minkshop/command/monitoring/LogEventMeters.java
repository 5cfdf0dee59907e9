package com.minkshop.command.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Counts the log events written, by level, as {@code logback.events} (the meter Spring Boot's Logback metrics
 * would give). Those count with a Logback turbo filter, which runs on every {@code isDebugEnabled()} and
 * {@code isTraceEnabled()} check of every library, written or not: about 3 % of a command's CPU, profiled under
 * load. An appender on the root logger runs only for events that are written. The auto-configuration is
 * excluded in application.yml.
 */
@Component
class LogEventMeters extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements LoggerContextListener, DisposableBean {

    private final Counter error;
    private final Counter warn;
    private final Counter info;
    private final Counter debug;
    private final Counter trace;
    private final LoggerContext logging;

    LogEventMeters(MeterRegistry registry) {
        error = counter(registry, "error");
        warn = counter(registry, "warn");
        info = counter(registry, "info");
        debug = counter(registry, "debug");
        trace = counter(registry, "trace");
        logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        setContext(logging);
        setName("minkshop-log-event-meters");
        logging.addListener(this);
        attach();
    }

    private void attach() {
        start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    private static Counter counter(MeterRegistry registry, String level) {
        return Counter.builder("logback.events").tag("level", level).baseUnit("events")
                      .description("Number of log events written, by level").register(registry);
    }

    @Override
    protected void append(ILoggingEvent event) {
        switch (event.getLevel().toInt()) {
            case Level.ERROR_INT -> error.increment();
            case Level.WARN_INT -> warn.increment();
            case Level.INFO_INT -> info.increment();
            case Level.DEBUG_INT -> debug.increment();
            default -> trace.increment();
        }
    }

    /** A reset (logging configured again, as by another application context in the JVM) drops every appender. */
    @Override
    public void onReset(LoggerContext context) {
        attach();
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext context) {
    }

    @Override
    public void onStop(LoggerContext context) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }

    @Override
    public void destroy() {
        logging.removeListener(this);
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
