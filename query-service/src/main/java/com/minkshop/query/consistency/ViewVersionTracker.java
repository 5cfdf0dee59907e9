package com.minkshop.query.consistency;

import com.minkshop.query.config.QueryProperties;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes without polling: projectors report each committed view version, and requests waiting for a
 * {@code minVersion} are completed by that report (or time out), never by a sleep loop.
 */
@Component
public class ViewVersionTracker {

    private final ConcurrentMap<Key, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Duration retryAfter;
    // re-reading the view must not run on the projector's thread, which would slow the projection down
    private final ExecutorService reloader = Executors.newFixedThreadPool(4, daemonThreads());

    public ViewVersionTracker(QueryProperties properties) {
        this.timeout = properties.readYourWrites().timeout();
        this.retryAfter = properties.readYourWrites().retryAfter();
    }

    /**
     * Called after commit by a projector: the view of {@code id} now reflects {@code version} events.
     */
    public void committed(ViewName view, String id, long version) {
        List<Waiter> ready = new ArrayList<>();
        waiters.computeIfPresent(new Key(view, id), (key, list) -> {
            list.removeIf(waiter -> {
                boolean reached = waiter.minVersion() <= version;
                if (reached) {
                    ready.add(waiter);
                }
                return reached;
            });
            return list.isEmpty() ? null : list;
        });
        // completed outside computeIfPresent: completion callbacks may touch the map again
        ready.forEach(waiter -> waiter.future().complete(version));
    }

    /**
     * Answers with the view once it reflects at least {@code minVersion} events, or fails with
     * {@link ProjectionLaggingException} when that does not happen within the configured timeout.
     */
    public <T> CompletableFuture<T> await(ViewName view, String id, long minVersion,
                                          Supplier<Optional<T>> loader, ToLongFunction<T> versionOf) {
        Key key = new Key(view, id);
        // register before reading, so a commit between the read and the registration cannot be missed
        Waiter waiter = register(key, minVersion);
        Optional<T> current = loader.get().filter(found -> versionOf.applyAsLong(found) >= minVersion);
        if (current.isPresent()) {
            unregister(key, waiter);
            return CompletableFuture.completedFuture(current.get());
        }
        return waiter.future()
                     .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                     .handleAsync((version, failure) -> {
                         unregister(key, waiter);
                         return Optional.ofNullable(failure == null ? version : null)
                                        .flatMap(reached -> loader.get())
                                        .filter(found -> versionOf.applyAsLong(found) >= minVersion)
                                        .orElseThrow(() -> new ProjectionLaggingException(view, id, minVersion,
                                                                                          retryAfter));
                     }, reloader);
    }

    int waiting() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }

    private Waiter register(Key key, long minVersion) {
        Waiter waiter = new Waiter(minVersion, new CompletableFuture<>());
        waiters.compute(key, (k, list) -> {
            List<Waiter> updated = list == null ? new ArrayList<>() : list;
            updated.add(waiter);
            return updated;
        });
        return waiter;
    }

    private void unregister(Key key, Waiter waiter) {
        waiters.computeIfPresent(key, (k, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }

    @PreDestroy
    void shutDown() {
        reloader.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "view-reload-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Key(ViewName view, String id) {
    }

    private record Waiter(long minVersion, CompletableFuture<Long> future) {
    }
}
