package com.minkshop.query.dashboard;

import com.minkshop.api.dashboard.DashboardSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DashboardStream stream;

    DashboardController(DashboardQueries queries, DashboardStream stream) {
        this.queries = queries;
        this.stream = stream;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    DashboardSummary dashboard() {
        return queries.summary();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.subscribe();
    }
}
