package com.minkshop.command.interceptors;

import com.minkshop.command.config.CommandProperties;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Warns about slow commands. The time runs until the unit of work is cleaned up, so it includes the commit, where
 * the events are written.
 */
@Component
@Order(InterceptorOrder.TIMING)
class CommandTimingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandTimingInterceptor.class);

    private final long thresholdNanos;
    private final LongSupplier nanoTime;

    @Autowired
    CommandTimingInterceptor(CommandProperties properties) {
        this(properties.slowThreshold(), System::nanoTime);
    }

    CommandTimingInterceptor(Duration slowThreshold, LongSupplier nanoTime) {
        this.thresholdNanos = slowThreshold.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        long start = nanoTime.getAsLong();
        unitOfWork.onCleanup(done -> {
            long elapsed = nanoTime.getAsLong() - start;
            if (elapsed > thresholdNanos) {
                log.warn("[PERF] {} took {}ms (slow!)", CommandNames.of(done.getMessage()), elapsed / 1_000_000);
            }
        });
        return chain.proceed();
    }
}
