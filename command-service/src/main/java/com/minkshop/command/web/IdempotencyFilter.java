package com.minkshop.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.idempotency.IdempotencyKey;
import com.minkshop.command.idempotency.IdempotencyKeyInProgressException;
import com.minkshop.command.idempotency.IdempotencyStore;
import com.minkshop.command.idempotency.IdempotentRequest;
import com.minkshop.command.idempotency.RequestFingerprint;
import com.minkshop.command.idempotency.StoredResponse;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP side of {@code Idempotency-Key} on command requests: a repeat of a finished request is answered with
 * its stored outcome and {@code Idempotent-Replayed: true}, without running anything. A first request is marked
 * with an {@link IdempotentRequest} and runs normally. Requests without the header pass through untouched.
 * <p>
 * A repeat that arrives while the first is still running gets 409 IDEMPOTENCY_KEY_IN_PROGRESS (waiting would tie
 * up a request thread for as long as the first one takes); its retry gets the stored outcome. Running requests are
 * tracked in memory, which covers this instance from the first byte to the stored rejection; across instances the
 * command's transaction claims the key before its handler runs (see {@code IdempotencyInterceptor}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "DELETE");

    private final IdempotencyStore store;
    private final ObjectMapper webMapper;
    /** key → fingerprint of the request running with it */
    private final ConcurrentMap<String, String> running = new ConcurrentHashMap<>();

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper webMapper) {
        this.store = store;
        this.webMapper = webMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMAND_METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(singleValue(request));
        } catch (IllegalArgumentException e) {
            send(request, response, Problems.problem(ErrorCode.INVALID_IDEMPOTENCY_KEY, e.getMessage()));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(), body);

        // claimed before the lookup, so an outcome stored just after a miss cannot be overlooked
        String runningFingerprint = running.putIfAbsent(key.value(), fingerprint);
        if (runningFingerprint != null) {
            send(request, response, runningFingerprint.equals(fingerprint)
                    ? Problems.problem(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                                       IdempotencyKeyInProgressException.MESSAGE)
                    : reused());
            return;
        }
        boolean releasedLater = false;
        try {
            Optional<StoredResponse> stored = store.find(key);
            if (stored.isPresent()) {
                if (stored.get().fingerprint().equals(fingerprint)) {
                    replay(stored.get(), response);
                } else {
                    send(request, response, reused());
                }
                return;
            }
            new IdempotentRequest(key, fingerprint, store, webMapper).attachTo(request);
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            if (request.isAsyncStarted()) {
                // the command completes on another thread; the key stays claimed until its outcome is written
                request.getAsyncContext().addListener(new Release(key.value(), fingerprint));
                releasedLater = true;
            }
        } finally {
            if (!releasedLater) {
                running.remove(key.value(), fingerprint);
            }
        }
    }

    private static String singleValue(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HEADER));
        return values.size() == 1 ? values.get(0) : null;
    }

    private static ProblemDetail reused() {
        return Problems.problem(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                                "This Idempotency-Key was already used for a different request.");
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setContentType(stored.isSuccess()
                                        ? MediaType.APPLICATION_JSON_VALUE
                                        : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.send(request, response, problem, webMapper);
    }

    private final class Release implements AsyncListener {

        private final String key;
        private final String fingerprint;

        Release(String key, String fingerprint) {
            this.key = key;
            this.fingerprint = fingerprint;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            running.remove(key, fingerprint);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    /** The body was read to fingerprint it; the controller reads this copy. */
}
