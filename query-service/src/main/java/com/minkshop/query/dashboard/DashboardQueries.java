package com.minkshop.query.dashboard;

import com.minkshop.api.common.Money;
import com.minkshop.api.dashboard.DashboardSummary;
import com.minkshop.query.config.QueryProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the dashboard from the dashboard's own tables; the threshold is applied at read time, so changing it
 * needs no rebuild.
 */
@Service
class DashboardQueries {

    static final List<String> STATUSES = List.of("pending", "paid", "confirmed", "shipped", "delivered", "cancelled");
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final DashboardOrderRepository orders;
    private final DashboardProductRepository products;
    private final DashboardActivityRepository activities;
    private final QueryProperties.Dashboard settings;

    DashboardQueries(DashboardOrderRepository orders, DashboardProductRepository products,
                     DashboardActivityRepository activities, QueryProperties properties) {
        this.orders = orders;
        this.products = products;
        this.activities = activities;
        this.settings = properties.dashboard();
    }

    // repeatable read: all counters come from one snapshot even while the projector commits
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public DashboardSummary summary() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        long total = 0;
        for (Object[] row : orders.countByStatus()) {
            long count = ((Number) row[1]).longValue();
            byStatus.merge((String) row[0], count, Long::sum);
            total += count;
        }
        int threshold = settings.lowStockThreshold();
        return new DashboardSummary(total, byStatus, Money.of(orders.revenue()), products.count(),
                                    products.countLowStock(threshold), threshold,
                                    activities.findAllBy(PageRequest.of(0, settings.recentActivitySize(),
                                                                        NEWEST_FIRST))
                                              .stream().map(DashboardActivity::toItem).toList());
    }
}
