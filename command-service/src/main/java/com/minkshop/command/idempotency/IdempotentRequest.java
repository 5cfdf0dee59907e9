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
     * 4xx answers that are not the request's outcome: CONCURRENT_MODIFICATION asks the client to retry (like a
     * 5xx), and the idempotency answers are about the key, whose outcome belongs to another request.
     */
    private static final Set<String> NOT_STORED = Set.of(ErrorCode.CONCURRENT_MODIFICATION.name(),
                                                         ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS.name(),
                                                         ErrorCode.IDEMPOTENCY_KEY_REUSED.name(),
                                                         ErrorCode.INVALID_IDEMPOTENCY_KEY.name());

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
     * Records a 4xx answer (validation, malformed body, business rule, not found) like a success, in a transaction
     * of its own: the command, if it ran, rolled back and wrote nothing. 5xx answers are not stored, so the client
     * may retry them with the same key.
     */
    public void rejected(ProblemDetail problem, HttpServletRequest request) {
        if (!isStored(problem)) {
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

    static boolean isStored(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        return problem.getStatus() >= 400 && problem.getStatus() < 500 && !NOT_STORED.contains(code);
    }
}
