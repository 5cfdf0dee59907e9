package com.minkshop.command.config;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.command.common.DomainException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandGatewaysTest {

    private static final int MAX_RETRIES = 3;
    private static final ReserveStockCommand COMMAND = new ReserveStockCommand("PROD-001", "ORDER-001", 1);
    private static final CommandResult RESULT = new CommandResult("PROD-001", 2, Map.of());

    private static ScheduledExecutorService retryExecutor;
    private static ValidatorFactory validatorFactory;

    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeAll
    static void start() {
        retryExecutor = Executors.newSingleThreadScheduledExecutor();
        validatorFactory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stop() {
        retryExecutor.shutdownNow();
        validatorFactory.close();
    }

    @Test
    void retriesALostConcurrencyRaceUntilItSucceeds() throws Exception {
        CommandGateway gateway = gatewayAnswering(() -> {
            if (attempts.get() <= 2) {
                throw new ConcurrencyException("sequence already taken");
            }
            return RESULT;
        });

        Object result = gateway.send(COMMAND).get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(RESULT);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpOnConcurrencyConflictsAfterTheConfiguredRetries() {
        CommandGateway gateway = gatewayAnswering(() -> {
            throw new ConcurrencyException("sequence already taken");
        });

        assertThatThrownBy(() -> gateway.send(COMMAND).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(1 + MAX_RETRIES);
    }

    @Test
    void neverRetriesACreationWhoseIdIsTaken() {
        CommandGateway gateway = gatewayAnswering(() -> {
            throw new AggregateStreamCreationException("PROD-001 already has events");
        });

        assertThatThrownBy(() -> gateway.send(COMMAND).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(AggregateStreamCreationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void neverRetriesARejection() {
        CommandGateway gateway = gatewayAnswering(() -> {
            RuntimeException rule = new Rejection();
            throw new CommandExecutionException(rule.getMessage(), rule, ErrorCode.INSUFFICIENT_STOCK);
        });

        assertThatThrownBy(() -> gateway.send(COMMAND).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CommandExecutionException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void neverRetriesAnUnexpectedFailureTheErrorTranslationClassified() {
        CommandGateway gateway = gatewayAnswering(() -> {
            throw new CommandExecutionException("boom", new IllegalStateException(), ErrorCode.INTERNAL_ERROR);
        });

        assertThatThrownBy(() -> gateway.send(COMMAND).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(CommandExecutionException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void rejectsAnInvalidCommandBeforeItReachesTheBus() {
        CommandGateway gateway = gatewayAnswering(() -> RESULT);

        assertThatThrownBy(() -> gateway.send(new ReserveStockCommand("bad id", "", 0)))
                .isInstanceOfSatisfying(JSR303ViolationException.class,
                                        e -> assertThat(e.getViolations()).hasSize(3));
        assertThat(attempts).hasValue(0);
    }

    @Test
    void classifiesRejectionsAnywhereInTheCauseChainAsFinal() {
        assertThat(CommandGateways.isRejection(new Rejection())).isTrue();
        assertThat(CommandGateways.isRejection(new JSR303ViolationException(Set.of()))).isTrue();
        assertThat(CommandGateways.isRejection(
                new CommandExecutionException("x", null, ErrorCode.ORDER_NOT_FOUND))).isTrue();
        assertThat(CommandGateways.isRejection(new CommandExecutionException("x", null))).isFalse();
        assertThat(CommandGateways.isRejection(new ConcurrencyException("x"))).isFalse();
        assertThat(CommandGateways.isRejection(new AggregateStreamCreationException("x"))).isTrue();
        // the scheduler adds Axon's own non-transient exceptions, such as AggregateNotFoundException
        assertThat(CommandGateways.isRejection(new AggregateNotFoundException("x", "y"))).isFalse();
    }

    private CommandGateway gatewayAnswering(Supplier<Object> handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ReserveStockCommand.class.getName(), command -> {
            attempts.incrementAndGet();
            return handler.get();
        });
        CommandProperties properties = new CommandProperties(Duration.ofMillis(100), Duration.ofMillis(1),
                                                              MAX_RETRIES);
        return CommandGateways.create(bus, validatorFactory,
                                      CommandGateways.retryScheduler(retryExecutor, properties));
    }

    private static final class Rejection extends DomainException {

        Rejection() {
            super(ErrorCode.INSUFFICIENT_STOCK, "insufficient stock");
        }
    }
}
