package com.minkshop.query.dashboard;

import com.minkshop.api.dashboard.DashboardSummary;
import com.minkshop.query.web.ApiExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Dashboard", description = "Live shop statistics")
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DashboardStream stream;

    DashboardController(DashboardQueries queries, DashboardStream stream) {
        this.queries = queries;
        this.stream = stream;
    }

    @Operation(summary = "Dashboard statistics",
               description = "Revenue = totals of paid orders that are not cancelled; low stock = available below the"
                           + " threshold; the 10 newest activities.")
    @ApiExample("""
            {"totalOrders": 1,
             "ordersByStatus": {"pending": 0, "paid": 0, "confirmed": 0, "shipped": 1, "delivered": 0,
                                "cancelled": 0},
             "totalRevenue": 70.77, "totalProducts": 1, "lowStockProducts": 0, "lowStockThreshold": 10,
             "recentActivity": [{"timestamp": "2026-01-04T10:00:05Z", "type": "order_shipped",
                                 "description": "Order #ORDER-001 shipped via UPS"},
                                {"timestamp": "2026-01-04T10:00:03Z", "type": "order_placed",
                                 "description": "New order #ORDER-001 for $70.77"}]}""")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardSummary dashboard() {
        return queries.summary();
    }

    @Operation(summary = "Live dashboard (Server-Sent Events)",
               description = "Sends a `dashboard` event {type, message, stats, time} on every change; the stream "
                           + "closes after 30 minutes, reconnect to continue.")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpMethod method) {
        if (method == HttpMethod.HEAD) {
            // Spring answers HEAD with the GET handler; a HEAD response has no body, so a subscription would never
            // notice its client leave and would stay open until the stream's 30-minute timeout
            SseEmitter headersOnly = new SseEmitter();
            headersOnly.complete();
            return headersOnly;
        }
        return stream.subscribe();
    }
}
