package com.minkshop.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.api.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request that carries a valid, not yet used idempotency key. The HTTP filter attaches it to the request; the
 * REST layer passes it on to the command (success, recorded in the command's transaction) or records a rejection.
 */
public final class IdempotentRequest {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequest.class);
    private static final String ATTRIBUTE = IdempotentRequest.class.getName();

    /**
     * Definite answers only: CONCURRENT_MODIFICATION tells the client to retry, and IN_USE belongs to a request
     * whose own outcome is stored.
     */
    private static final Set<String> NOT_STORED = Set.of(ErrorCode.CONCURRENT_MODIFICATION.name(),
                                                         ErrorCode.IDEMPOTENCY_KEY_IN_USE.name());

    private final IdempotencyKey key;
    private final String fingerprint;
    private final IdempotencyStore store;
    private final ObjectMapper webMapper;

    public IdempotentRequest(IdempotencyKey key, String fingerprint, IdempotencyStore store, ObjectMapper webMapper) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.store = store;
        this.webMapper = webMapper;
    }

    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<IdempotentRequest> of(HttpServletRequest request) {
        return Optional.ofNullable((IdempotentRequest) request.getAttribute(ATTRIBUTE));
    }

    /** The request being handled on this thread, if it carries a key. */
    public static Optional<IdempotentRequest> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? Optional.empty()
                : Optional.ofNullable((IdempotentRequest) attributes.getAttribute(ATTRIBUTE,
                                                                                  RequestAttributes.SCOPE_REQUEST));
    }

    /**
     * What {@link IdempotencyInterceptor} needs to store a success inside the command's transaction.
     *
     * @param location the {@code Location} header a creation answers with, else null
     */
    public Map<String, Object> commandMetaData(int successStatus, String location) {
        return IdempotencyMetaData.of(key, fingerprint, successStatus, location);
    }

    /**
     * Records a business rejection (404, 409) in a transaction of its own; the command's rolled back and wrote
     * nothing. Other failures are not stored, so the client can fix the request or retry it with the same key.
     */
    public void rejected(ProblemDetail problem, HttpServletRequest request) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        boolean definite = (problem.getStatus() == 404 || problem.getStatus() == 409) && !NOT_STORED.contains(code);
        if (!definite) {
            return;
        }
        if (problem.getInstance() == null) {
            // Spring MVC fills it in the same way when it writes the problem, so replays are byte-identical
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        try {
            store.save(key, new StoredResponse(fingerprint, problem.getStatus(), null,
                                               webMapper.writeValueAsString(problem)));
        } catch (JsonProcessingException | RuntimeException e) {
            // the rejection changed nothing, so a retry that runs the command again is still safe
            log.warn("[IDEMPOTENCY] could not record the rejection of key {}", key.value(), e);
        }
    }
}
