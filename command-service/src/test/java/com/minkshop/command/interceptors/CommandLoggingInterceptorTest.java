package com.minkshop.command.interceptors;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.product.CreateProductCommand;
import com.minkshop.api.product.ReserveStockCommand;
import com.minkshop.command.LogCapture;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLoggingInterceptorTest {

    private final CommandLoggingInterceptor interceptor = new CommandLoggingInterceptor();
    private final LogCapture log = LogCapture.of(CommandLoggingInterceptor.class);

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void logsDispatchAndSuccessWithAggregateAndVersion() {
        CreateProductCommand command = new CreateProductCommand("PROD-001", "WIDGET-001", "Super Widget", null,
                                                                new BigDecimal("29.99"), 100);

        ResultMessage<?> result = Commands.run(interceptor, command,
                                               () -> new CommandResult("PROD-001", 1, Map.of()));

        assertThat(result.isExceptional()).isFalse();
        assertThat(log.messages()).containsExactly("[CMD] Dispatching CreateProduct",
                                                   "[CMD] CreateProduct succeeded (aggregate: PROD-001, version: 1)");
    }

    @Test
    void logsTheErrorMessageWhenTheHandlerRejectsTheCommand() {
        ProcessPaymentCommand command = new ProcessPaymentCommand("ORDER-001", "PAY-001", new BigDecimal("70.76"),
                                                                  "credit_card");

        ResultMessage<?> result = Commands.run(interceptor, command, () -> {
            throw new Commands.Rejection(ErrorCode.INVALID_PAYMENT_AMOUNT, "invalid payment amount");
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(log.messages()).containsExactly("[CMD] Dispatching ProcessPayment",
                                                   "[CMD] ProcessPayment returned error: invalid payment amount");
    }

    @Test
    void aCommandThatFailsAtCommitIsAnErrorEvenThoughItsHandlerSucceeded() {
        ReserveStockCommand command = new ReserveStockCommand("PROD-001", "ORDER-001", 1);

        ResultMessage<?> result = Commands.run(interceptor, command, () -> {
            Commands.failAtCommit(new ConcurrencyException("sequence 3 of PROD-001 already exists"));
            return new CommandResult("PROD-001", 4, Map.of());
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(log.messages()).containsExactly(
                "[CMD] Dispatching ReserveStock",
                "[CMD] ReserveStock returned error: sequence 3 of PROD-001 already exists");
    }
}
