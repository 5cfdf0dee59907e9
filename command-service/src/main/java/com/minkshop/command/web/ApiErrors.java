package com.minkshop.command.web;

import com.minkshop.api.common.ErrorCode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The business error codes an endpoint can answer with, for its OpenAPI description. The codes every command
 * endpoint shares (validation, malformed JSON, idempotency, concurrency, internal errors) are added by
 * {@link OpenApiConfig} and need not be listed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {

    ErrorCode[] value();
}
