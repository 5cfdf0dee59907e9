package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory aggregate cache ({@code minkshop.aggregate-cache.*}, see {@link CachedAggregateRepository}).
 *
 * @param enabled     false loads every aggregate from the event store (snapshot and events) on every command
 * @param maximumSize aggregates kept per aggregate type; the least valuable are dropped beyond it
 */
@ConfigurationProperties("minkshop.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("10000") int maximumSize) {

    public AggregateCacheProperties {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("minkshop.aggregate-cache.maximum-size must be at least 1");
        }
    }
}
