package com.minkshop.query.consistency;

import com.minkshop.api.common.Money;
import com.minkshop.api.product.ProductCreatedEvent;
import com.minkshop.api.product.StockAddedEvent;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.Http.Response;
import com.minkshop.query.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures commit-to-visible lag: from the moment an event's insert has committed (as the command-service's would)
 * until a {@code minVersion} read returns the updated view. Polling every 50 ms should keep it well under 100 ms.
 */
@IntegrationTest
class ProjectionLagIT {

    private static final int SAMPLES = 60;
    private static final int WARM_UP = 5;

    @LocalServerPort
    private int port;

    @Test
    void commandEffectsBecomeVisibleWithinAFewPollIntervals() {
        Http http = new Http("http://127.0.0.1:" + port);
        EventStoreWriter events = new EventStoreWriter();
        String id = "LAG-PROD";
        events.append("Product", id, new ProductCreatedEvent(id, "LAG", "Lag probe", "", Money.of("1.00"), 0,
                                                             Instant.now()));

        List<Long> lagsMillis = new ArrayList<>();
        for (int i = 0; i < SAMPLES + WARM_UP; i++) {
            long version = events.append("Product", id, new StockAddedEvent(id, 1, "PO-" + i, Instant.now()));
            long committed = System.nanoTime();
            Response view = http.get("/api/products/" + id + "?minVersion=" + version);
            long visible = System.nanoTime();
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            assertThat(view.json().get("availableStock").asInt()).isEqualTo(i + 1);
            if (i >= WARM_UP) {
                lagsMillis.add((visible - committed) / 1_000_000);
            }
        }

        Collections.sort(lagsMillis);
        long p50 = percentile(lagsMillis, 50);
        long p95 = percentile(lagsMillis, 95);
        long max = lagsMillis.get(lagsMillis.size() - 1);
        System.out.printf("[LAG] commit -> view visible over %d events: p50 %d ms, p95 %d ms, max %d ms%n",
                          lagsMillis.size(), p50, p95, max);
        // the default 1 s poll would put the median near 500 ms
        assertThat(p50).isLessThanOrEqualTo(150);
        assertThat(p95).isLessThan(500);
    }

    static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
