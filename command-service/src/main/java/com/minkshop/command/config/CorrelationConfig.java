package com.minkshop.command.config;

import com.minkshop.api.common.CorrelationId;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Which metadata every message passes on to the messages its handling creates (events of a command, commands of
 * the saga, deadlines). Axon's default {@link MessageOriginProvider} writes the causing message's id under
 * {@code correlationId}; we keep that key for the client's correlation id, which must stay the same along the
 * whole chain, and move Axon's two origin ids to keys of their own. Declaring these beans replaces Axon's default.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationConfig {

    static final String CAUSATION_ID = "causationId";
    static final String TRACE_ID = "traceId";

    /** {@code correlationId}: the request's id, copied unchanged from message to message. */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(CorrelationId.METADATA_KEY);
    }

    /** {@code causationId}: id of the message that directly caused this one; {@code traceId}: id of the first. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(CAUSATION_ID, TRACE_ID);
    }

    /**
     * Axon attaches the correlation data providers to command and event handling, but not to deadlines: without
     * this, the commands a deadline handler sends would lose the correlation id its deadline message carries, and
     * its log lines the MDC.
     */
    @Bean
    InitializingBean deadlineCorrelation(DeadlineManager deadlineManager,
                                         List<CorrelationDataProvider> providers,
                                         List<MessageHandlerInterceptor<? super DeadlineMessage<?>>> interceptors) {
        return () -> {
            deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
            interceptors.forEach(deadlineManager::registerHandlerInterceptor);
        };
    }
}
