package com.minkshop.command.interceptors;

import ch.qos.logback.classic.Level;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.command.LogCapture;
import com.minkshop.command.config.CommandProperties;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTimingInterceptorTest {

    private static final ReserveStockCommand COMMAND = new ReserveStockCommand("PROD-001", "ORDER-001", 1);
    private static final CommandResult RESULT = new CommandResult("PROD-001", 2, Map.of());

    private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    private final CommandTimingInterceptor interceptor =
            new CommandTimingInterceptor(Duration.ofMillis(100), nanoTime::get);
    private final LogCapture log = LogCapture.of(CommandTimingInterceptor.class);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void warnsWhenACommandTakesLongerThanTheThreshold() {
        Commands.run(interceptor, COMMAND, () -> {
            nanoTime.addAndGet(Duration.ofMillis(150).toNanos());
            return RESULT;
        });

        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("[PERF] ReserveStock took 150ms (slow!)");
        });
    }

    @Test
    void staysQuietUpToTheThreshold() {
        Commands.run(interceptor, COMMAND, () -> {
            nanoTime.addAndGet(Duration.ofMillis(100).toNanos());
            return RESULT;
        });

        assertThat(log.events()).isEmpty();
    }

    @Test
    void countsTheCommitWhereTheEventsAreWritten() {
        Commands.run(interceptor, COMMAND, () -> {
            CurrentUnitOfWork.<CommandMessage<?>>get().onCommit(
                    unitOfWork -> nanoTime.addAndGet(Duration.ofMillis(250).toNanos()));
            return RESULT;
        });

        assertThat(log.messages()).containsExactly("[PERF] ReserveStock took 250ms (slow!)");
    }

    @Test
    void timesFailedCommandsToo() {
        Commands.run(interceptor, COMMAND, () -> {
            nanoTime.addAndGet(Duration.ofMillis(300).toNanos());
            throw new Commands.Rejection(ErrorCode.INSUFFICIENT_STOCK, "insufficient stock");
        });

        assertThat(log.messages()).containsExactly("[PERF] ReserveStock took 300ms (slow!)");
    }

    @Test
    void takesTheThresholdFromTheConfiguration() {
        CommandTimingInterceptor configured =
                new CommandTimingInterceptor(new CommandProperties(Duration.ofSeconds(30), Duration.ofMillis(15), 8));

        Commands.run(configured, COMMAND, () -> RESULT);

        assertThat(log.events()).isEmpty();
    }
}
