package com.minkshop.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the service (what SIGTERM does once the graceful web shutdown has let running requests finish) stops the
 * saga's processor and gives up its token claim, so another instance takes over at once instead of waiting for the
 * claim to time out.
 * <p>
 * The shared test context runs the saga too, under the same owner name (one JVM), so it pauses its processor while
 * a service of its own is started and closed here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShutdownIT {

    private static final String SAGA = "order-fulfilment";
    private static final String OWNERS = "SELECT owner FROM eventstore.token_entry WHERE processor_name = ?";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void releasesTheSagaProcessorsTokenClaimOnShutdown() {
        StreamingEventProcessor shared = processing.eventProcessor(SAGA, StreamingEventProcessor.class).orElseThrow();
        // Axon 4.13.0 loses the processor's thread for good when a stop lands while it is still claiming its segment
        await().atMost(TIMEOUT).until(() -> !shared.processingStatus().isEmpty());
        shared.shutDown();
        try {
            assertThat(jdbc.queryForList(OWNERS, String.class, SAGA)).as("released by the paused processor")
                                                                     .isNotEmpty().containsOnlyNulls();

            ConfigurableApplicationContext service = new SpringApplicationBuilder(CommandServiceApplication.class)
                    .run("--server.port=0");
            int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(jdbc.queryForList(OWNERS, String.class, SAGA)).doesNotContainNull();
                JsonNode sagas = new ShopClient(port).get("/actuator/health").body().path("components").path("sagas");
                assertThat(sagas.path("status").asText()).isEqualTo("UP");
                assertThat(sagas.path("details").path("running").asBoolean()).isTrue();
            });

            service.close();

            assertThat(jdbc.queryForList(OWNERS, String.class, SAGA)).isNotEmpty().containsOnlyNulls();
        } finally {
            shared.start();
        }
    }
}
