package com.minkshop.command.config;

import com.minkshop.api.order.OrderItem;
import com.minkshop.api.order.PlaceOrderCommand;
import com.minkshop.api.order.ShippingAddress;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ValidationConfig.class);

    @Test
    void theApplicationsValidatorDoesNotAskJpaWhetherPropertiesAreLoaded() {
        context.run(app -> assertThat(app.getBean(ValidatorFactory.class).getTraversableResolver())
                .isInstanceOf(ValidationConfig.EveryPropertyReachable.class));
    }

    @Test
    void nestedLinesAndAddressesAreStillValidated() {
        PlaceOrderCommand command = new PlaceOrderCommand(
                "ORD-1", "CUST-1", "CART-1",
                List.of(new OrderItem("bad id", "Widget", 0, new BigDecimal("1.00"), null)),
                new ShippingAddress("x".repeat(201), "Street 1", "City", "ST", "12345", "Country"),
                BigDecimal.ZERO, new BigDecimal("0.1"));

        context.run(app -> assertThat(app.getBean(ValidatorFactory.class).getValidator().validate(command))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "product ID must be 1-64 characters of letters, digits, '.', '_', ':' or '-'",
                        "quantity must be positive",
                        "name must be at most 200 characters"));
    }
}
