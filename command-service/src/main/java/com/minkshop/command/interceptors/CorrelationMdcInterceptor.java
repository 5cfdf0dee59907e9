package com.minkshop.command.interceptors;

import com.minkshop.api.common.CorrelationId;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the correlation id of the command or event being handled into the logging MDC, so every line logged about
 * it carries the id, also on threads no request ever touched: the saga's event processor, the deadline scheduler,
 * the gateway's retry threads. Axon registers it for commands and for every event processor; it wraps the
 * logging interceptor so that the outcome lines, written when the unit of work ends, still see the id.
 */
@Component
@Order(InterceptorOrder.LOGGING - 50)
class CorrelationMdcInterceptor implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(CorrelationId.METADATA_KEY);
        if (!(correlationId instanceof String id)) {
            return chain.proceed();
        }
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, id);
        // restored when the unit of work is done, after its commit or rollback has been logged
        unitOfWork.onCleanup(done -> restore(previous));
        return chain.proceed();
    }

    private static void restore(String previous) {
        if (previous == null) {
            MDC.remove(CorrelationId.MDC_KEY);
        } else {
            MDC.put(CorrelationId.MDC_KEY, previous);
        }
    }
}
