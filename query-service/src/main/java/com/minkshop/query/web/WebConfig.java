package com.minkshop.query.web;

import com.minkshop.query.config.QueryProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfig {

    private final QueryProperties properties;

    WebConfig(QueryProperties properties) {
        this.properties = properties;
    }

    @Bean
    FilterRegistrationBean<AdminAccessFilter> adminAccessFilter() {
        FilterRegistrationBean<AdminAccessFilter> registration =
                new FilterRegistrationBean<>(new AdminAccessFilter(properties));
        registration.addUrlPatterns("/admin/*");
        return registration;
    }
}
