package com.minkshop.command.interceptors;

import com.minkshop.api.common.CorrelationId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the request's correlation id (from the MDC the web filter fills) into the metadata of a command sent from
 * outside any unit of work, i.e. by a controller. Commands sent while handling another message (by the saga, or
 * a deadline) already carry the id of that message: Axon's correlation data providers copy it.
 */
@Component
class CorrelationDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            String correlationId = MDC.get(CorrelationId.MDC_KEY);
            if (correlationId == null || command.getMetaData().containsKey(CorrelationId.METADATA_KEY)) {
                return command;
            }
            return command.andMetaData(Map.of(CorrelationId.METADATA_KEY, correlationId));
        };
    }
}
