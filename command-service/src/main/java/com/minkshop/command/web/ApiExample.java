package com.minkshop.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint's example request and response bodies (JSON) and success status for its OpenAPI description, taken
 * from the tutorial's demo so Swagger UI's "Try it out" replays it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiExample {

    /** 201 for creations, which also answer with a {@code Location} header. */
    int status() default 200;

    /** Empty for endpoints without a body. */
    String request() default "";

    String response();
}
