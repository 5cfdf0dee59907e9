package com.minkshop.api.order;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceOrderCommandValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    private static final ShippingAddress ADDRESS =
            new ShippingAddress("John Doe", "123 Main St", "New York", "NY", "10001", "USA");

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    private static Map<String, String> errors(Object command) {
        Set<ConstraintViolation<Object>> violations = validator.validate(command);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                                                            ConstraintViolation::getMessage));
    }

    private static OrderItem item(int quantity, String unitPrice, String subtotal) {
        return new OrderItem("PROD-001", "Super Widget", quantity, new BigDecimal(unitPrice),
                             subtotal == null ? null : new BigDecimal(subtotal));
    }

    @Test
    void acceptsTheTutorialDemoOrder() {
        PlaceOrderCommand command = new PlaceOrderCommand("ORDER-001", "CUST-001", "CART-001",
                                                          List.of(item(2, "29.99", "59.98")), ADDRESS,
                                                          new BigDecimal("5.99"), new BigDecimal("0.08"));
        assertThat(errors(command)).isEmpty();
    }

    @Test
    void reportsEveryFailingFieldWithItsOwnMessage() {
        PlaceOrderCommand command = new PlaceOrderCommand("bad id!", "", "CART-001",
                                                          List.of(item(0, "29.999", null), item(2, "29.99", "59.97")),
                                                          new ShippingAddress("John", " ", null, null, null, null),
                                                          new BigDecimal("-1"), new BigDecimal("1.5"));
        assertThat(errors(command)).containsOnly(
                Map.entry("orderId", "order ID must be 1-64 characters of letters, digits, '.', '_', ':' or '-'"),
                Map.entry("customerId", "customer ID is required"),
                Map.entry("items[0].quantity", "quantity must be positive"),
                Map.entry("items[0].unitPrice", "price must have at most 2 decimal places"),
                Map.entry("items[1].subtotal", "subtotal must equal quantity times unit price"),
                Map.entry("shippingAddress.street", "street is required"),
                Map.entry("shippingAddress.city", "city is required"),
                Map.entry("shippingCost", "shipping cost cannot be negative"),
                Map.entry("taxRate", "tax rate must be between 0 and 1"));
    }

    @Test
    void requiresAtLeastOneItemAndAnAddress() {
        PlaceOrderCommand command = new PlaceOrderCommand("ORDER-1", "CUST-1", "CART-1", List.of(), null,
                                                          BigDecimal.ZERO, null);
        assertThat(errors(command)).containsOnly(
                Map.entry("items", "at least one item is required"),
                Map.entry("shippingAddress", "shipping address is required"),
                Map.entry("taxRate", "tax rate is required"));
    }
}
