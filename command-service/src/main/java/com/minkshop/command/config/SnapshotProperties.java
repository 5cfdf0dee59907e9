package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Aggregate snapshotting ({@code minkshop.snapshots.*}).
 *
 * @param threshold     an aggregate is snapshotted once loading and handling it went through this many events since
 *                      its last snapshot
 * @param threads       threads that take snapshots, off the command threads
 * @param queueCapacity snapshots waiting for a thread; beyond it new requests are dropped (a later command asks again)
 */
@ConfigurationProperties("minkshop.snapshots")
public record SnapshotProperties(@DefaultValue("250") int threshold,
                                 @DefaultValue("1") int threads,
                                 @DefaultValue("1000") int queueCapacity) {

    public SnapshotProperties {
        if (threshold < 1 || threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException(
                    "minkshop.snapshots: threshold, threads and queue-capacity must all be at least 1");
        }
    }
}
