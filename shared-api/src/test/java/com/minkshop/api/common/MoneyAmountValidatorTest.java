package com.minkshop.api.common;

import com.minkshop.api.order.ProcessPaymentCommand;
import com.minkshop.api.product.CreateProductCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyAmountValidatorTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "valid", value = {
            "9999999999.99         | valid",
            "0.01                  | valid",
            "29.99                 | valid",
            "1.10                  | valid",
            "1.000                 | valid",
            "1E+2                  | valid",
            "10000000000           | price must be less than 10000000000",
            "12345678901           | price must be less than 10000000000",
            "1E+10                 | price must be less than 10000000000",
            "1E+2147483647         | price must be less than 10000000000",
            "100E+2147483647       | price must be less than 10000000000",
            "1.001                 | price must have at most 2 decimal places",
            "1E-2147483647         | price must have at most 2 decimal places",
            "0                     | price must be positive",
            "-5                    | price must be positive",
            "-1E+2147483647        | price must be positive"})
    void boundsAPriceAtTenIntegerDigitsWhateverTheExponent(String price, String expected) {
        assertOnlyMessage(new CreateProductCommand("PROD-1", "SKU-1", "Widget", null, new BigDecimal(price), 1),
                          expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "valid", value = {
            "9999999999999999999.99 | valid",
            "2000000000009999999.99 | valid",
            "10000000000000000000   | amount must be less than 10000000000000000000",
            "1E+2147483647          | amount must be less than 10000000000000000000"})
    void takesPaymentsAsLargeAsTheLargestOrder(String amount, String expected) {
        assertOnlyMessage(new ProcessPaymentCommand("ORDER-1", "PAY-1", new BigDecimal(amount), "card"), expected);
    }

    /** The command's only violation has this message; none at all when {@code expected} is null. */
    private static void assertOnlyMessage(Object command, String expected) {
        Set<String> messages = validator.validate(command).stream().map(ConstraintViolation::getMessage)
                                        .collect(Collectors.toSet());
        assertThat(messages).isEqualTo(expected == null ? Set.of() : Set.of(expected));
    }
}
