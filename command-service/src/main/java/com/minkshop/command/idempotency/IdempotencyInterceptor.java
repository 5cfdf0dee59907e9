package com.minkshop.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Stores the response of a successful command sent with an idempotency key. It runs inside the unit of work, whose
 * Spring transaction also appends the events, so both commit or neither does: a crash never leaves events without
 * their stored response (the retry would apply them twice) nor a response without its events. An attempt that loses
 * an optimistic-concurrency race rolls its row back with its events, so the gateway's retry can store it again.
 * <p>
 * Before the handler runs, the key is claimed with a lock held by that same transaction, which is how a request on
 * another instance learns that the key is in progress (the web filter only sees its own instance's requests). The
 * lock needs no clean-up: it ends with the transaction, even when the instance crashes.
 * <p>
 * Inside the error translation, so an in-progress key becomes a plain IDEMPOTENCY_KEY_IN_PROGRESS rejection, which
 * the gateway does not retry.
 */
@Component
@Order(IdempotencyInterceptor.ORDER)
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** After logging (100), timing (200) and error translation (300), see {@code interceptors.InterceptorOrder}. */
    static final int ORDER = 400;

    private final IdempotencyStore store;
    private final ObjectMapper webMapper;

    IdempotencyInterceptor(IdempotencyStore store, ObjectMapper webMapper) {
        this.store = store;
        this.webMapper = webMapper;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Optional<IdempotencyMetaData> idempotency = IdempotencyMetaData.from(unitOfWork.getMessage().getMetaData());
        if (idempotency.isEmpty()) {
            return chain.proceed();
        }
        IdempotencyMetaData request = idempotency.get();
        // an outcome found after the claim was committed by another instance since the filter looked; the client's
        // retry gets it replayed
        if (!store.tryClaimForTransaction(request.key()) || store.find(request.key()).isPresent()) {
            throw new IdempotencyKeyInProgressException();
        }
        Object result = chain.proceed();
        // the web mapper, so the stored body is the one Spring MVC writes for the first response
        StoredResponse response = new StoredResponse(request.fingerprint(), request.successStatus(),
                                                     request.location(), webMapper.writeValueAsString(result));
        if (!store.save(request.key(), response)) {
            throw new IdempotencyKeyInProgressException();
        }
        return result;
    }
}
