package com.minkshop.api.dashboard;

import java.time.Instant;

/**
 * A live dashboard notification: what kind of change happened, a human-readable message and the stats after it.
 */
public record DashboardUpdate(String type, String message, DashboardSummary stats, Instant time) {
}
