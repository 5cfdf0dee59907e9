package com.minkshop.command.interceptors;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DatabaseFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts and times every command that reaches its handler, in the tutorial's Prometheus names:
 * {@code minkshop_commands_total{command_type,status}}, {@code minkshop_commands_duration_seconds{command_type}}
 * and, per refusal, {@code minkshop_commands_errors_total{command_type,code}}.
 * <p>
 * The outcome is taken when the unit of work ends, so a command whose events lose a race at commit is not counted
 * as a success. Every tag has a bounded set of values: command class names, four statuses, {@link ErrorCode}s.
 * Each attempt of the gateway's concurrency retry counts on its own (a {@code conflict}, then the final outcome).
 */
@Component
@Order(InterceptorOrder.METRICS)
class CommandMetricsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String COMMANDS = "minkshop.commands";
    static final String DURATION = "minkshop.commands.duration";
    static final String ERRORS = "minkshop.commands.errors";

    // the tutorial's histogram buckets, in seconds
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    // the registry's own lookup builds an id and a meter filter chain per call; the tag sets are bounded (see above)
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    CommandMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String type = CommandNames.of(unitOfWork.getMessage());
        Timer.Sample sample = Timer.start(registry);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        unitOfWork.afterCommit(done -> outcome.set(Outcome.SUCCESS));
        unitOfWork.onRollback(done -> outcome.set(Outcome.of(type, done.getExecutionResult())));
        unitOfWork.onCleanup(done -> record(type, sample, outcome.get() == null ? Outcome.UNKNOWN : outcome.get()));
        return chain.proceed();
    }

    private void record(String type, Timer.Sample sample, Outcome outcome) {
        sample.stop(timers.computeIfAbsent(type, t -> Timer.builder(DURATION)
                .description("Time from handling a command to the end of its unit of work (incl. commit)")
                .tag("command_type", t)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)));
        outcomes.computeIfAbsent(type + ' ' + outcome.status, k -> Counter.builder(COMMANDS)
                .description("Commands handled, by outcome: success, rejected (business rule, not found), "
                             + "conflict (concurrent modification) or failed (a fault, or the database unavailable)")
                .tag("command_type", type)
                .tag("status", outcome.status)
                .register(registry)).increment();
        if (outcome.code != null) {
            errors.computeIfAbsent(type + ' ' + outcome.code.name(), k -> Counter.builder(ERRORS)
                    .description("Commands that did not succeed, by error code")
                    .tag("command_type", type)
                    .tag("code", outcome.code.name())
                    .register(registry)).increment();
        }
    }

    private record Outcome(String status, ErrorCode code) {

        static final Outcome SUCCESS = new Outcome("success", null);
        static final Outcome UNKNOWN = new Outcome("failed", ErrorCode.INTERNAL_ERROR);

        // a creation whose id is taken fails at commit, past the error translation (see web.CommandResponses)
        private static final Map<String, ErrorCode> ID_TAKEN = Map.of(
                "CreateCart", ErrorCode.CART_ALREADY_EXISTS,
                "CreateProduct", ErrorCode.PRODUCT_ALREADY_EXISTS,
                "PlaceOrder", ErrorCode.ORDER_ALREADY_EXISTS);

        static Outcome of(String type, ExecutionResult execution) {
            Throwable failure = execution == null ? null : execution.getExceptionResult();
            if (failure instanceof HandlerExecutionException handlerFailure) {
                ErrorCode code = handlerFailure.getDetails()
                                               .filter(ErrorCode.class::isInstance)
                                               .map(ErrorCode.class::cast)
                                               .orElse(ErrorCode.INTERNAL_ERROR);
                return code.isRefusal() ? new Outcome("rejected", code) : new Outcome("failed", code);
            }
            if (failure instanceof JSR303ViolationException) {
                return new Outcome("rejected", ErrorCode.VALIDATION_FAILED);
            }
            if (failure instanceof AggregateStreamCreationException) {
                return ID_TAKEN.containsKey(type) ? new Outcome("rejected", ID_TAKEN.get(type)) : UNKNOWN;
            }
            // e.g. the commit itself, past the error translation (Axon calls a failed append transient, too)
            if (failure != null && DatabaseFailures.isUnavailable(failure)) {
                return new Outcome("failed", ErrorCode.SERVICE_UNAVAILABLE);
            }
            if (failure instanceof AxonTransientException) {
                return new Outcome("conflict", ErrorCode.CONCURRENT_MODIFICATION);
            }
            return UNKNOWN;
        }
    }
}
