package com.minkshop.query.web;

import com.minkshop.api.common.ErrorCode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an endpoint can answer with besides those every query endpoint shares (bad parameters, 406,
 * internal errors), which {@link OpenApiConfig} adds itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {

    ErrorCode[] value();
}
