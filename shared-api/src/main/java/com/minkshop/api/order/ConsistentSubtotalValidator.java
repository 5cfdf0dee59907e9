package com.minkshop.api.order;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ConsistentSubtotal} and reports the violation on the {@code subtotal} field, where the client erred.
 */
public class ConsistentSubtotalValidator implements ConstraintValidator<ConsistentSubtotal, OrderItem> {

    @Override
    public boolean isValid(OrderItem item, ConstraintValidatorContext context) {
        if (item == null || item.subtotalMatches()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
               .addPropertyNode("subtotal")
               .addConstraintViolation();
        return false;
    }
}
