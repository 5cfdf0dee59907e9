package com.minkshop.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before a failed command's failure is answered, checks that it was not decided on an aggregate kept in memory that
 * another writer has moved on (see {@link CachedAggregateRepository}); if it was, the command fails with a
 * concurrency conflict instead, which the gateway retries on a fresh load. Innermost of the command interceptors, so
 * the error translation and the idempotency store see the conflict, not the stale verdict.
 */
@Component
@Order(CachedDecisionCheck.ORDER)
class CachedDecisionCheck implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** After idempotency (400), see {@code interceptors.InterceptorOrder}. */
    static final int ORDER = 500;

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            CachedAggregateRepository.failIfDecidedOnStaleState(unitOfWork);
            throw failure;
        }
    }
}
