package com.minkshop.command.config;

import com.minkshop.api.common.EventJson;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Axon wiring that differs from the Spring Boot defaults: our own JSON serializers, and a gateway that validates
 * and retries concurrency conflicts.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig implements DisposableBean {

    private static final int RETRY_THREADS = 4;

    // not a bean: an Executor bean would make Spring Boot skip its own applicationTaskExecutor
    private final ScheduledExecutorService retryExecutor =
            Executors.newScheduledThreadPool(RETRY_THREADS, daemonThreads("command-retry-"));

    /** Aggregates take a Clock handler parameter, so event timestamps never come from inside an aggregate. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Snapshots, tokens and sagas. */
    @Bean
    @Primary
    Serializer serializer() {
        return EventJson.serializer();
    }

    /** Event payloads and metadata in the event store. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventJson.serializer();
    }

    /** Command and query payloads, should they ever cross a process boundary. */
    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventJson.serializer();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  ValidatorFactory validatorFactory,
                                  CommandProperties properties) {
        return CommandGateways.create(commandBus,
                                      validatorFactory,
                                      CommandGateways.retryScheduler(retryExecutor, properties));
    }

    @Override
    public void destroy() {
        retryExecutor.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
