package com.minkshop.api.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

/**
 * Checks {@link MoneyAmount}, reporting only the first problem so each field gets one clear message.
 */
public class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, BigDecimal> {

    private String name;
    private boolean allowZero;
    private int integerDigits;
    private String tooLarge;

    @Override
    public void initialize(MoneyAmount annotation) {
        name = annotation.name();
        allowZero = annotation.allowZero();
        integerDigits = annotation.integerDigits();
        tooLarge = name + " must be less than 1" + "0".repeat(integerDigits);
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        String message;
        if (value == null) {
            message = name + " is required";
        } else if (allowZero && value.signum() < 0) {
            message = name + " cannot be negative";
        } else if (!allowZero && value.signum() <= 0) {
            message = name + " must be positive";
        } else if (integerDigits(value) > integerDigits) {
            // before the decimals: stripping the zeros of 100E+2147483647 overflows the scale
            message = tooLarge;
        } else if (value.stripTrailingZeros().scale() > Money.SCALE) {
            message = name + " must have at most 2 decimal places";
        } else {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }

    // in long: for 1E+2147483647 (precision 1, scale -2147483647) the int difference wraps negative
    private static long integerDigits(BigDecimal value) {
        return (long) value.precision() - value.scale();
    }
}
