package com.minkshop.command.interceptors;

import com.minkshop.api.common.CommandResult;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Logs every command the way the tutorial's logging middleware does. The outcome is logged when the unit of work
 * ends rather than when the handler returns, because the events are appended at commit: a command that loses a
 * concurrency race there has failed even though its handler succeeded.
 */
@Component
@Order(InterceptorOrder.LOGGING)
class CommandLoggingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandLoggingInterceptor.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String name = CommandNames.of(unitOfWork.getMessage());
        log.info("[CMD] Dispatching {}", name);
        unitOfWork.afterCommit(done -> logSuccess(name, done.getExecutionResult()));
        unitOfWork.onRollback(done -> logFailure(name, done.getExecutionResult()));
        return chain.proceed();
    }

    private static void logSuccess(String name, ExecutionResult execution) {
        Object payload = execution == null ? null : execution.getResult().getPayload();
        if (payload instanceof CommandResult result) {
            log.info("[CMD] {} succeeded (aggregate: {}, version: {})", name, result.aggregateId(), result.version());
        } else {
            log.info("[CMD] {} succeeded", name);
        }
    }

    private static void logFailure(String name, ExecutionResult execution) {
        Throwable failure = execution == null ? null : execution.getExceptionResult();
        log.info("[CMD] {} returned error: {}", name, failure == null ? "unknown error" : failure.getMessage());
    }
}
