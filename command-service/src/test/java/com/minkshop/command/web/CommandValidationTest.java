package com.minkshop.command.web;

import com.minkshop.api.common.CommandResult;
import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ShippingAddress;
import com.minkshop.command.config.CommandGateways;
import com.minkshop.command.config.CommandProperties;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bean Validation runs as the gateway's dispatch interceptor: all violations of a command are reported at once,
 * named by the JSON path of the request field, and an invalid command never reaches a handler.
 */
class CommandValidationTest {

    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");
    private static final OrderItem ITEM = new OrderItem("PROD-001", "Super Widget", 2, new BigDecimal("29.99"), null);

    private static ValidatorFactory validatorFactory;
    private static ScheduledExecutorService retryExecutor;

    private final AtomicInteger handled = new AtomicInteger();
    private CommandGateway gateway;

    @BeforeAll
    static void start() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        retryExecutor = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        validatorFactory.close();
        retryExecutor.shutdownNow();
    }

    @BeforeEach
    void gateway() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(PlaceOrderCommand.class.getName(), command -> {
            handled.incrementAndGet();
            return CommandResult.of("ORDER-001", 1);
        });
        gateway = CommandGateways.create(bus, validatorFactory, CommandGateways.retryScheduler(
                retryExecutor, new CommandProperties(Duration.ofMillis(100), Duration.ofMillis(1), 1)));
    }

    @Test
    void reportsEveryViolationWithItsJsonPath() {
        PlaceOrderCommand command = new PlaceOrderCommand(
                "ORDER-001", "CUST-001", "CART-001",
                List.of(new OrderItem("PROD-001", "Super Widget", 0, new BigDecimal("29.99"), null)),
                new ShippingAddress("John Doe", "", null, "NY", "10001", "USA"),
                new BigDecimal("5.99"), new BigDecimal("0.08"));

        List<ApiFieldError> errors = violationsOf(command);

        assertThat(errors).containsExactly(new ApiFieldError("items[0].quantity", "quantity must be positive"),
                                           new ApiFieldError("shippingAddress.city", "city is required"),
                                           new ApiFieldError("shippingAddress.street", "street is required"));
        assertThat(handled).hasValue(0);
    }

    @Test
    void namesClassLevelViolationsOfListElementsByIndex() {
        PlaceOrderCommand command = new PlaceOrderCommand(
                "ORDER-001", "CUST-001", "CART-001",
                List.of(ITEM, new OrderItem("PROD-002", null, 3, new BigDecimal("1.10"), new BigDecimal("3.31"))),
                ADDRESS, new BigDecimal("5.99"), new BigDecimal("1.5"));

        assertThat(violationsOf(command)).containsExactly(
                new ApiFieldError("items[1].subtotal", "subtotal must equal quantity times unit price"),
                new ApiFieldError("taxRate", "tax rate must be between 0 and 1"));
    }

    @Test
    void letsAValidCommandThroughToItsHandler() {
        PlaceOrderCommand command = new PlaceOrderCommand("ORDER-001", "CUST-001", "CART-001", List.of(ITEM),
                                                          ADDRESS, new BigDecimal("5.99"), new BigDecimal("0.08"));

        Object result = gateway.sendAndWait(command);

        assertThat(result).isEqualTo(new CommandResult("ORDER-001", 1, Map.of()));
        assertThat(handled).hasValue(1);
    }

    private List<ApiFieldError> violationsOf(Object command) {
        JSR303ViolationException invalid =
                catchThrowableOfType(JSR303ViolationException.class, () -> gateway.send(command));
        assertThat(invalid).as("validation failure").isNotNull();
        return ApiFieldError.of(invalid.getViolations());
    }
}
