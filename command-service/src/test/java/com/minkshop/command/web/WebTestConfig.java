package com.minkshop.command.web;

import com.minkshop.command.config.CommandGateways;
import com.minkshop.command.config.CommandProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * For {@code @WebMvcTest}s: the production gateway and handler interceptors on a {@link StubCommandBus} instead of
 * Axon's aggregates and event store.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan("com.minkshop.command.interceptors")
@EnableConfigurationProperties(CommandProperties.class)
public class WebTestConfig {

    @Bean
    StubCommandBus stubCommandBus(List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors) {
        return new StubCommandBus(interceptors);
    }

    /** The metrics interceptor records into it; slices have no actuator metrics auto-configuration. */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService testRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    @Bean
    CommandGateway commandGateway(StubCommandBus stubCommandBus,
                                  ValidatorFactory validatorFactory,
                                  ScheduledExecutorService testRetryExecutor,
                                  CommandProperties properties) {
        return CommandGateways.create(stubCommandBus.bus(), validatorFactory,
                                      CommandGateways.retryScheduler(testRetryExecutor, properties));
    }
}
