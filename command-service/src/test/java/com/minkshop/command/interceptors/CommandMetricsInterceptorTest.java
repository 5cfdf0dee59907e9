package com.minkshop.command.interceptors;

import com.minkshop.api.cart.CreateCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.product.ReserveStockCommand;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetricsInterceptorTest {

    private static final ReserveStockCommand COMMAND = new ReserveStockCommand("PROD-001", "ORDER-001", 1);
    private static final CommandResult RESULT = new CommandResult("PROD-001", 2, Map.of());

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final CommandMetricsInterceptor interceptor = new CommandMetricsInterceptor(registry);

    @Test
    void countsAndTimesASuccessIncludingItsCommit() {
        Commands.run(interceptor, COMMAND, () -> {
            clock.add(Duration.ofMillis(30));
            CurrentUnitOfWork.get().onCommit(unitOfWork -> clock.add(Duration.ofMillis(20)));
            return RESULT;
        });

        assertThat(count("ReserveStock", "success")).isEqualTo(1);
        Timer timer = registry.get(CommandMetricsInterceptor.DURATION).tag("command_type", "ReserveStock").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(registry.find(CommandMetricsInterceptor.ERRORS).counters()).isEmpty();
    }

    @Test
    void countsABusinessRejectionWithItsCode() {
        Commands.run(interceptor, COMMAND, () -> {
            throw new CommandExecutionException("insufficient stock", null, ErrorCode.INSUFFICIENT_STOCK);
        });

        assertThat(count("ReserveStock", "rejected")).isEqualTo(1);
        assertThat(count("ReserveStock", "success")).isZero();
        assertThat(errors("ReserveStock", "INSUFFICIENT_STOCK")).isEqualTo(1);
    }

    @Test
    void countsAConflictAtCommitAsConflictNotSuccess() {
        Commands.run(interceptor, COMMAND, () -> {
            Commands.failAtCommit(new ConcurrencyException("sequence 3 of PROD-001 already exists"));
            return RESULT;
        });

        assertThat(count("ReserveStock", "conflict")).isEqualTo(1);
        assertThat(count("ReserveStock", "success")).isZero();
        assertThat(errors("ReserveStock", "CONCURRENT_MODIFICATION")).isEqualTo(1);
    }

    @Test
    void countsACreationWhoseIdIsTakenAsRejectedWithItsAlreadyExistsCode() {
        Commands.run(interceptor, new CreateCartCommand("CART-001", "CUST-001"), () -> {
            Commands.failAtCommit(new AggregateStreamCreationException("CART-001 already has events"));
            return RESULT;
        });

        assertThat(count("CreateCart", "rejected")).isEqualTo(1);
        assertThat(count("CreateCart", "success")).isZero();
        assertThat(errors("CreateCart", "CART_ALREADY_EXISTS")).isEqualTo(1);
    }

    @Test
    void countsUnexpectedFailuresAsFailed() {
        Commands.run(interceptor, new PlaceOrderCommand(null, null, null, null, null, null, null), () -> {
            throw new CommandExecutionException("boom", null, ErrorCode.INTERNAL_ERROR);
        });
        Commands.run(interceptor, COMMAND, () -> {
            throw new IllegalStateException("not translated");
        });

        assertThat(count("PlaceOrder", "failed")).isEqualTo(1);
        assertThat(errors("PlaceOrder", "INTERNAL_ERROR")).isEqualTo(1);
        assertThat(count("ReserveStock", "failed")).isEqualTo(1);
    }

    private double count(String type, String status) {
        var counter = registry.find(CommandMetricsInterceptor.COMMANDS)
                              .tags("command_type", type, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private double errors(String type, String code) {
        var counter = registry.find(CommandMetricsInterceptor.ERRORS).tags("command_type", type, "code", code)
                              .counter();
        return counter == null ? 0 : counter.count();
    }
}
