package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory aggregate cache ({@code minkshop.aggregate-cache.*}, see {@link CachedAggregateRepository}).
 *
 * @param enabled     false loads every aggregate from the event store (snapshot and events) on every command
 * @param maximumSize aggregates kept per aggregate type; the least valuable are dropped beyond it. Sized by the
 *                    largest: a cart or order at its 100-line limit takes ~25 KB (a 4-line cart ~1.5 KB), so the
 *                    default keeps the worst case near 50 MB per type; raise it with the heap
 */
@ConfigurationProperties("minkshop.aggregate-cache")
public record AggregateCacheProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("2000") int maximumSize) {

    public AggregateCacheProperties {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("minkshop.aggregate-cache.maximum-size must be at least 1");
        }
    }
}
