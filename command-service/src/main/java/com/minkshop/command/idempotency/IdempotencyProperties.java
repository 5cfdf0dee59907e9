package com.minkshop.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Idempotency keys ({@code minkshop.idempotency.*}).
 *
 * @param ttl           how long an outcome is replayed; after that the key may be used for a new request
 * @param purgeInterval how often expired outcomes are deleted (the scheduler reads the property directly)
 */
@ConfigurationProperties("minkshop.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl,
                                    @DefaultValue("1h") Duration purgeInterval) {

    public IdempotencyProperties {
        if (ttl.toSeconds() < 1 || purgeInterval.toMillis() < 1) {
            throw new IllegalArgumentException("minkshop.idempotency: ttl >= 1s and purge-interval >= 1ms required");
        }
    }
}
