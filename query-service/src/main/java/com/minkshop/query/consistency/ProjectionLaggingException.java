package com.minkshop.query.consistency;

import java.time.Duration;

/**
 * A view did not reach the version a client asked for within the wait budget.
 */
public class ProjectionLaggingException extends RuntimeException {

    private final Duration retryAfter;

    public ProjectionLaggingException(ViewName view, String id, long minVersion, Duration retryAfter) {
        super("The " + view.name().toLowerCase() + " view of [" + id + "] has not reached version " + minVersion
                      + " yet; retry shortly");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
