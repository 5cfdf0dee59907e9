package com.minkshop.api.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An identifier of a shop resource: required, 1-64 characters of {@code [A-Za-z0-9._:-]}.
 */
@Documented
@Constraint(validatedBy = ValidIdValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidId {

    /** How the id is named in messages, e.g. {@code product ID}. */
    String name();

    String message() default "invalid identifier";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
