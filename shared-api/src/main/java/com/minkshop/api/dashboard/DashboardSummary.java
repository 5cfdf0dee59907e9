package com.minkshop.api.dashboard;

import com.minkshop.api.common.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop at a glance: order counts per status, revenue from paid orders that were not cancelled, catalog size,
 * products running low on stock, and the latest activity.
 */
public record DashboardSummary(long totalOrders,
                               Map<String, Long> ordersByStatus,
                               Money totalRevenue,
                               long totalProducts,
                               long lowStockProducts,
                               int lowStockThreshold,
                               List<ActivityItem> recentActivity) {

    public DashboardSummary {
        // keeps the caller's status order (the order lifecycle) in the JSON
        ordersByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(ordersByStatus));
        recentActivity = List.copyOf(recentActivity);
    }
}
