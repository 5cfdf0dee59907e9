package com.minkshop.query.dashboard;

import com.minkshop.api.dashboard.DashboardSummary;
import com.minkshop.api.dashboard.DashboardUpdate;
import com.minkshop.query.config.QueryProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes a {@code dashboard} Server-Sent Event to every connected client for each committed dashboard change. Sending
 * happens on its own thread so a slow client can never hold up the projection.
 */
@Component
class DashboardStream {

    static final String EVENT_NAME = "dashboard";
    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Change> pending = new ConcurrentLinkedQueue<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-sse");
        thread.setDaemon(true);
        return thread;
    });
    private final DashboardQueries queries;
    private final Duration timeout;

    DashboardStream(DashboardQueries queries, QueryProperties properties) {
        this.queries = queries;
        this.timeout = properties.dashboard().streamTimeout();
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        // the first event carries the current stats, so a client needs no separate GET
        sender.execute(() -> send(emitter, new DashboardUpdate("snapshot", "Current dashboard", queries.summary(),
                                                               Instant.now())));
        return emitter;
    }

    /** Called after the dashboard change is committed. */
    void publish(String type, String message, Instant time) {
        if (emitters.isEmpty()) {
            return;
        }
        pending.add(new Change(type, message, time));
        sender.execute(this::drain);
    }

    int subscribers() {
        return emitters.size();
    }

    private void drain() {
        List<Change> changes = new ArrayList<>();
        for (Change change = pending.poll(); change != null; change = pending.poll()) {
            changes.add(change);
        }
        if (changes.isEmpty() || emitters.isEmpty()) {
            return;
        }
        // one stats read for a burst of changes (e.g. a catch-up batch) instead of one per event
        DashboardSummary stats = queries.summary();
        for (Change change : changes) {
            DashboardUpdate update = new DashboardUpdate(change.type(), change.message(), stats, change.time());
            emitters.forEach(emitter -> send(emitter, update));
        }
    }

    private void send(SseEmitter emitter, DashboardUpdate update) {
        try {
            emitter.send(SseEmitter.event().name(EVENT_NAME).data(update, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Dropping a dashboard stream client: {}", e.toString());
            emitters.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    // Open streams would otherwise hold up the web server's graceful shutdown until they time out.
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        emitters.forEach(SseEmitter::complete);
    }

    @PreDestroy
    void shutDown() {
        closeStreams();
        sender.shutdownNow();
    }

    private record Change(String type, String message, Instant time) {
    }
}
