package com.minkshop.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the query-service under {@code minkshop.query}.
 *
 * @param eventStore    where the command side's events are read and how often they are polled
 * @param readYourWrites how long a {@code minVersion} request may wait for its view
 * @param dashboard     dashboard thresholds and the live stream
 * @param deadLetters   automatic retry of parked events
 * @param admin         access to the {@code /admin} endpoints
 */
@ConfigurationProperties("minkshop.query")
public record QueryProperties(@DefaultValue EventStore eventStore,
                              @DefaultValue ReadYourWrites readYourWrites,
                              @DefaultValue Dashboard dashboard,
                              @DefaultValue DeadLetters deadLetters,
                              @DefaultValue Admin admin) {

    /**
     * @param schema     the command-service's schema holding {@code domain_event_entry} and
     *                   {@code snapshot_event_entry}
     * @param fetchDelay the polling interval for events committed by another process
     * @param batchSize  rows per read query
     * @param cachedEvents the newest events kept in memory for the processors to share; a processor further behind
     *                   reads on its own
     */
    public record EventStore(@DefaultValue("eventstore") String schema,
                             @DefaultValue("20ms") Duration fetchDelay,
                             @DefaultValue("100") int batchSize,
                             @DefaultValue("1000") int cachedEvents) {
    }

    /**
     * @param timeout    the longest a request waits for a view to reach {@code minVersion}
     * @param retryAfter the {@code Retry-After} advice sent with 503 PROJECTION_LAGGING
     */
    public record ReadYourWrites(@DefaultValue("3s") Duration timeout,
                                 @DefaultValue("1s") Duration retryAfter) {
    }

    /**
     * @param lowStockThreshold  a non-discontinued product with fewer units available counts as low on stock
     * @param recentActivitySize how many activity entries the dashboard keeps
     * @param streamTimeout      how long one SSE connection stays open before the client must reconnect
     */
    public record Dashboard(@DefaultValue("10") int lowStockThreshold,
                            @DefaultValue("10") int recentActivitySize,
                            @DefaultValue("30m") Duration streamTimeout) {
    }

    /**
     * @param retryInterval pause between automatic retries of dead letters; zero disables them
     */
    public record DeadLetters(@DefaultValue("1m") Duration retryInterval) {
    }

    /**
     * @param token when set, a request carrying it in {@code X-Admin-Token} may use {@code /admin} from any address;
     *              without it only loopback clients may
     */
    public record Admin(String token) {
    }
}
