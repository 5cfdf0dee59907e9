package com.minkshop.query.config;

import com.minkshop.api.common.CorrelationId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * While a projector handles an event, the logging MDC holds the correlation id the command-service stored in the
 * event's metadata, so every line logged about the event (including a dead-lettered failure) names the request
 * that caused it. Axon registers this bean as a handler interceptor of every event processor.
 */
@Component
class CorrelationMdcInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(CorrelationId.METADATA_KEY);
        if (!(correlationId instanceof String id)) {
            return chain.proceed();
        }
        // per event, not per unit of work: a processor handles a batch of events from many requests in one
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, id);
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, previous);
            }
        }
    }
}
