package com.minkshop.api.dashboard;

import java.time.Instant;

/**
 * Something that just happened in the shop, in words for the staff dashboard.
 */
public record ActivityItem(Instant timestamp, String type, String description) {
}
