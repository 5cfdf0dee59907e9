package com.minkshop.api.order;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An order item whose client-sent subtotal, if any, equals quantity times unit price.
 */
@Documented
@Constraint(validatedBy = ConsistentSubtotalValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentSubtotal {

    String message() default "subtotal must equal quantity times unit price";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
