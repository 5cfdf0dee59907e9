package com.minkshop.command.config;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DatabaseFailures;
import com.minkshop.command.common.DomainException;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the command gateway the REST API sends through; shared by the application and the web tests so both
 * validate and retry in exactly the same way.
 */
public final class CommandGateways {

    private CommandGateways() {
    }

    /**
     * Validation is a dispatch interceptor, so an invalid command never opens a transaction or loads an aggregate.
     * It is registered here rather than exposed as a bean: {@link BeanValidationInterceptor} is also a handler
     * interceptor, and Axon would register a bean in both roles.
     */
    public static CommandGateway create(CommandBus commandBus,
                                        ValidatorFactory validatorFactory,
                                        RetryScheduler retryScheduler) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    // outcomes are logged by the logging interceptor; the default callback would
                                    // log every rejected command a second time, as a warning
                                    .commandCallback(NoOpCallback.INSTANCE)
                                    .dispatchInterceptors(new BeanValidationInterceptor<>(validatorFactory))
                                    .retryScheduler(retryScheduler)
                                    .build();
    }

    /**
     * Retries commands that lost an optimistic-concurrency race on the event store's unique key (another writer
     * appended to the same aggregate first). Rejections are final, retrying them would only repeat the verdict.
     */
    public static RetryScheduler retryScheduler(ScheduledExecutorService executor, CommandProperties properties) {
        return IntervalRetryScheduler.builder()
                                     .retryExecutor(executor)
                                     .retryInterval(Math.toIntExact(properties.retryInterval().toMillis()))
                                     .maxRetryCount(properties.maxRetries())
                                     .addNonTransientFailurePredicate(CommandGateways::isRejection)
                                     // each try waits up to the pool's connection timeout: the client gets its 503
                                     // and Retry-After at once instead of after several such waits
                                     .addNonTransientFailurePredicate(DatabaseFailures::isUnavailable)
                                     .build();
    }

    /**
     * True for a definite answer to the command: a broken business rule, invalid input, a creation whose id is
     * taken (creations never load, so a retry would only collide again), or a failure the error translation
     * interceptor already classified (including unexpected handler faults). Axon applies this to the whole cause
     * chain; its default predicate adds every {@code AxonNonTransientException}.
     */
    static boolean isRejection(Throwable failure) {
        return failure instanceof DomainException
                || failure instanceof JSR303ViolationException
                || failure instanceof AggregateStreamCreationException
                || (failure instanceof HandlerExecutionException handlerFailure
                    && handlerFailure.getDetails().filter(ErrorCode.class::isInstance).isPresent());
    }
}
