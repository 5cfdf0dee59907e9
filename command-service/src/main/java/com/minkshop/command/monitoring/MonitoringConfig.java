package com.minkshop.command.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MonitoringConfig {

    /** Sees every event the command side publishes, from command handlers and from the saga alike. */
    @Bean
    BusinessMetrics businessMetrics(MeterRegistry registry, EventBus eventBus) {
        BusinessMetrics metrics = new BusinessMetrics(registry);
        eventBus.registerDispatchInterceptor(metrics);
        return metrics;
    }
}
