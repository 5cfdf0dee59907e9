package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of command handling ({@code minkshop.commands.*}).
 *
 * @param slowThreshold commands taking longer than this are logged as slow
 * @param retryInterval pause before a command that lost an optimistic-concurrency race is retried
 * @param maxRetries    how often such a command is retried before the client gets CONCURRENT_MODIFICATION
 */
@ConfigurationProperties("minkshop.commands")
public record CommandProperties(@DefaultValue("100ms") Duration slowThreshold,
                                @DefaultValue("15ms") Duration retryInterval,
                                @DefaultValue("8") int maxRetries) {

    public CommandProperties {
        if (slowThreshold.isNegative() || retryInterval.toMillis() < 1 || maxRetries < 1) {
            throw new IllegalArgumentException(
                    "minkshop.commands: slow-threshold >= 0, retry-interval >= 1ms and max-retries >= 1 are required");
        }
    }
}
