package com.minkshop.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One invalid field of a request, named by its JSON path in the request body (e.g. {@code items[0].quantity}).
 */
record ApiFieldError(String field, String message) {

    private static final Comparator<ApiFieldError> ORDER =
            Comparator.comparing(ApiFieldError::field).thenComparing(ApiFieldError::message);

    /** Commands mirror the request bodies field by field, so a property path is also the JSON path. */
    static List<ApiFieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                         .map(violation -> new ApiFieldError(jsonPath(violation.getPropertyPath()),
                                                             violation.getMessage()))
                         .sorted(ORDER)
                         .toList();
    }

    static List<ApiFieldError> sorted(Collection<ApiFieldError> errors) {
        return errors.stream().sorted(ORDER).toList();
    }

    static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                json.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(node.getName());
            }
        }
        return json.toString();
    }
}
