package com.minkshop.api.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A money amount sent by a client: required, at most 2 decimals, at most 10 integer digits (unless set otherwise), and
 * positive (or, with {@code allowZero}, not negative).
 */
@Documented
@Constraint(validatedBy = MoneyAmountValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {

    /** How the amount is named in messages, e.g. {@code price}. */
    String name();

    boolean allowZero() default false;

    /** At most this many digits before the decimal point. */
    int integerDigits() default 10;

    String message() default "invalid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
