package com.minkshop.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.Http.Response;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.Scenario;
import com.minkshop.query.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding replays the whole event store into empty views; the result must equal what live processing built.
 */
@IntegrationTest
class RebuildIT {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void rebuiltViewsEqualTheLiveOnes() {
        Http http = new Http("http://127.0.0.1:" + port);
        Scenario.Ids ids = Scenario.write(new EventStoreWriter(), "RB", 12);
        awaitCaughtUp(http);
        Map<String, JsonNode> live = snapshot(http, ids);
        assertThat(live.get("/api/dashboard").get("totalOrders").asLong()).isEqualTo(9);

        // damage every read model, so equality afterwards can only come from the replay
        String product = ids.products().get(0);
        String order = ids.orders().get(0);
        TestDatabase.execute("UPDATE readmodel.product_view SET price = 0.01, version = 99 WHERE product_id = '"
                                     + product + "';"
                                     + "DELETE FROM readmodel.order_view WHERE order_id = '" + order + "';"
                                     + "DELETE FROM readmodel.cart_view_item;"
                                     + "UPDATE readmodel.dashboard_order SET total_amount = 1000, paid = true;");
        assertThat(snapshot(http, ids)).isNotEqualTo(live);

        Response rebuild = http.post("/admin/projections/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        assertThat(rebuild.json().get("processors").findValuesAsText("")).isEmpty();
        assertThat(rebuild.json().get("processors")).hasSize(4);

        awaitCaughtUp(http);
        await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> assertThat(snapshot(http, ids)).isEqualTo(live));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM readmodel.dead_letter_entry", Long.class)).isZero();
    }

    private void awaitCaughtUp(Http http) {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM eventstore.domain_event_entry", Long.class);
        await().atMost(30, TimeUnit.SECONDS).until(() -> http.get("/admin/projections").json(), status -> {
            boolean allThere = status.get("head").asLong() == head && status.get("processors").size() == 4;
            for (JsonNode processor : status.get("processors")) {
                allThere &= processor.get("running").asBoolean() && processor.get("caughtUp").asBoolean()
                        && processor.get("position").asLong() == head;
            }
            return allThere;
        });
    }

    private static Map<String, JsonNode> snapshot(Http http, Scenario.Ids ids) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : new String[]{"/api/products?size=100", "/api/orders?size=100", "/api/dashboard"}) {
            views.put(path, get(http, path));
        }
        ids.products().forEach(id -> views.put(id, get(http, "/api/products/" + id)));
        ids.carts().forEach(id -> views.put(id, get(http, "/api/carts/" + id)));
        ids.orders().forEach(id -> views.put(id, get(http, "/api/orders/" + id)));
        return views;
    }

    // one correlation id for every request, so the 404 problems of deleted views compare equal
    private static JsonNode get(Http http, String path) {
        return http.get(path, "X-Correlation-Id", "rebuild-it").json();
    }
}
