package com.minkshop.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minkshop.command.idempotency.IdempotencyStore;
import com.minkshop.command.web.IdempotencyFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code Idempotency-Key} on the command API. Declared here rather than as a component so that web slice tests,
 * which have no database, leave the filter out. Scheduling runs the purge of expired keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyConfig {

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper webMapper) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, webMapper));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
