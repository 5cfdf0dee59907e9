package com.minkshop.command.interceptors;

import ch.qos.logback.classic.Level;
import com.minkshop.api.cart.AddToCartCommand;
import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.command.LogCapture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTranslationInterceptorTest {

    private static final ReserveStockCommand RESERVE = new ReserveStockCommand("PROD-001", "ORDER-001", 5);

    private final ErrorTranslationInterceptor interceptor = new ErrorTranslationInterceptor();
    private final LogCapture log = LogCapture.of(ErrorTranslationInterceptor.class);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void passesResultsThrough() {
        CommandResult result = new CommandResult("PROD-001", 2, Map.of());

        assertThat(Commands.run(interceptor, RESERVE, () -> result).getPayload()).isSameAs(result);
    }

    @Test
    void carriesTheErrorCodeOfABrokenBusinessRule() {
        Commands.Rejection rejection = new Commands.Rejection(ErrorCode.INSUFFICIENT_STOCK, "insufficient stock");

        Throwable failure = failureOf(RESERVE, rejection);

        assertThat(failure).isInstanceOf(CommandExecutionException.class)
                           .hasMessage("insufficient stock")
                           .hasCause(rejection);
        assertThat(((CommandExecutionException) failure).getDetails()).contains(ErrorCode.INSUFFICIENT_STOCK);
        assertThat(log.events()).isEmpty();
    }

    static Stream<Arguments> missingAggregates() {
        return Stream.of(
                Arguments.of(RESERVE, ErrorCode.PRODUCT_NOT_FOUND, "product PROD-001 not found"),
                Arguments.of(new AddToCartCommand("CART-001", "PROD-001", "Widget", 1, BigDecimal.ONE),
                             ErrorCode.CART_NOT_FOUND, "cart CART-001 not found"),
                Arguments.of(new ProcessPaymentCommand("ORDER-001", "PAY-001", BigDecimal.TEN, "card"),
                             ErrorCode.ORDER_NOT_FOUND, "order ORDER-001 not found"));
    }

    @ParameterizedTest
    @MethodSource("missingAggregates")
    void namesTheMissingAggregateAfterTheCommandsFeature(Object command, ErrorCode expected, String message) {
        String id = message.split(" ")[1];
        Throwable failure = failureOf(command, new AggregateNotFoundException(id, "not found in the event store"));

        assertThat(failure).isInstanceOf(CommandExecutionException.class).hasMessage(message);
        assertThat(((CommandExecutionException) failure).getDetails()).contains(expected);
    }

    @Test
    void turnsAnUnexpectedFailureIntoAnInternalErrorAndLogsItsStackTrace() {
        IllegalStateException bug = new IllegalStateException("map was null");

        Throwable failure = failureOf(RESERVE, bug);

        assertThat(failure).isInstanceOf(CommandExecutionException.class).hasCause(bug);
        assertThat(((CommandExecutionException) failure).getDetails()).contains(ErrorCode.INTERNAL_ERROR);
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("[CMD] ReserveStock failed unexpectedly");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("map was null");
        });
    }

    @Test
    void turnsALostDatabaseIntoServiceUnavailableAndLogsOneLine() {
        RuntimeException lost = new RuntimeException("could not load the aggregate",
                                                     new SQLException("An I/O error occurred", "08006"));

        Throwable failure = failureOf(RESERVE, lost);

        assertThat(failure).isInstanceOf(CommandExecutionException.class).hasCause(lost);
        assertThat(((CommandExecutionException) failure).getDetails()).contains(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(log.events()).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("[CMD] ReserveStock failed, database unavailable");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void leavesConcurrencyConflictsToTheRetrySchedulerUntouched() {
        ConcurrencyException conflict = new ConcurrencyException("sequence already taken");

        assertThat(failureOf(RESERVE, conflict)).isSameAs(conflict);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void keepsAnAlreadyClassifiedFailure() {
        CommandExecutionException classified =
                new CommandExecutionException("order ORDER-9 not found", null, ErrorCode.ORDER_NOT_FOUND);

        assertThat(failureOf(RESERVE, classified)).isSameAs(classified);
    }

    private Throwable failureOf(Object command, Exception thrown) {
        ResultMessage<?> result = Commands.run(interceptor, command, () -> {
            throw thrown;
        });
        assertThat(result.isExceptional()).isTrue();
        return result.exceptionResult();
    }
}
