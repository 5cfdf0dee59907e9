package com.minkshop.api.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/**
 * Checks {@link ValidId}; a missing id and a malformed id get different messages, so a client sees exactly one.
 */
public class ValidIdValidator implements ConstraintValidator<ValidId, String> {

    public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private String name;

    @Override
    public void initialize(ValidId annotation) {
        name = annotation.name();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String message;
        if (value == null || value.isBlank()) {
            message = name + " is required";
        } else if (!ID_PATTERN.matcher(value).matches()) {
            message = name + " must be 1-64 characters of letters, digits, '.', '_', ':' or '-'";
        } else {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
