package com.minkshop.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Collects what one class logs during a test; close it to detach.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Class<?> loggingClass) {
        logger = (Logger) LoggerFactory.getLogger(loggingClass);
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(Class<?> loggingClass) {
        return new LogCapture(loggingClass);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Formatted messages at INFO and above. */
    public List<String> messages() {
        return events().stream()
                       .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                       .map(ILoggingEvent::getFormattedMessage)
                       .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
    }
}
