package com.minkshop.api.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.math.BigDecimal;

/**
 * Checks {@link MoneyAmount}, reporting only the first problem so each field gets one clear message.
 */
public class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, BigDecimal> {

    private static final int MAX_INTEGER_DIGITS = 10;

    private String name;
    private boolean allowZero;

    @Override
    public void initialize(MoneyAmount annotation) {
        name = annotation.name();
        allowZero = annotation.allowZero();
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
        } else if (value.stripTrailingZeros().scale() > Money.SCALE) {
            message = name + " must have at most 2 decimal places";
        } else if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            message = name + " must be less than 10000000000";
        } else {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
