package com.minkshop.api.common;

import com.minkshop.api.product.CreateProductCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ValidIdValidatorTest {

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

    private static Set<String> messages(String productId) {
        CreateProductCommand command = new CreateProductCommand(productId, "SKU-1", "Widget", null,
                                                                new BigDecimal("1.00"), 1);
        return validator.validate(command).stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROD-001", "a", "order:2026.11_x",
                            "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsWellFormedIds(String id) {
        assertThat(messages(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "slash/inside", "ünïcode",
                            "01234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsMalformedIds(String id) {
        assertThat(messages(id))
                .containsExactly("product ID must be 1-64 characters of letters, digits, '.', '_', ':' or '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void rejectsTheIdsThatMeanAFolderInAPath(String id) {
        assertThat(messages(id)).containsExactly("product ID cannot be '.' or '..'");
        assertThat(messages("..." + id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void reportsAMissingIdOnce(String id) {
        assertThat(messages(id)).containsExactly("product ID is required");
    }

    @Test
    void acceptsExactlyWhatTheDocumentedPatternAccepts() {
        Pattern documented = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
        for (char c = 0; c < 0x3000; c++) {
            for (String id : new String[] {String.valueOf(c), "a" + c, c + "-1", "x".repeat(63) + c}) {
                assertThat(ValidIdValidator.isWellFormed(id)).as("U+%04X in %s", (int) c, id)
                                                             .isEqualTo(documented.matcher(id).matches());
            }
        }
        for (int length = 0; length <= 70; length++) {
            String id = "A".repeat(length);
            assertThat(ValidIdValidator.isWellFormed(id)).as("length %d", length)
                                                         .isEqualTo(documented.matcher(id).matches());
        }
    }
}
