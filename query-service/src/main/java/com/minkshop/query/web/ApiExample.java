package com.minkshop.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint's example response body (JSON) for its OpenAPI description, with the tutorial demo's data.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiExample {

    String value();

    /** The success status, e.g. 202 for work that goes on in the background. */
    int status() default 200;

    /** Whether {@link #value()} is one item of a list page, which the description then wraps as the only item. */
    boolean page() default false;
}
