package com.minkshop.query;

import com.minkshop.query.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the service (what SIGTERM does once the graceful web shutdown has let running requests finish) stops every
 * processor and releases its token claim, so another instance can take the read models over at once instead of
 * waiting for the claim timeout.
 */
class ShutdownIT {

    @Test
    void releasesEveryProcessorsTokenClaimOnShutdown() throws SQLException {
        TestDatabase.recreateWithEventStore();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(QueryServiceApplication.class)
                .run("--server.port=0");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(owners()).containsOnlyKeys("product-view", "cart-view", "order-view",
                                                                "dashboard")
                                              .doesNotContainValue(null));
        } finally {
            service.close();
        }

        assertThat(owners()).hasSize(4).containsOnlyKeys("product-view", "cart-view", "order-view", "dashboard")
                            .allSatisfy((processor, owner) -> assertThat(owner).as(processor).isNull());
    }

    private static Map<String, String> owners() throws SQLException {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processor_name, owner FROM readmodel.token_entry")) {
            Map<String, String> owners = new LinkedHashMap<>();
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
            return owners;
        }
    }
}
