package com.minkshop.query;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.query.support.DatabaseProxy;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.Http;
import com.minkshop.query.support.IntegrationTest;
import com.minkshop.query.support.TestDatabase;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query-service loses its database (a proxy between the two is cut) while the command side keeps appending:
 * queries are answered 503 SERVICE_UNAVAILABLE, and once the database is back the views catch up within a couple of
 * seconds, not after the processors' back-off (which has grown to 8 s by then).
 */
@IntegrationTest
class DatabaseOutageIT {

    private static final DatabaseProxy PROXY = startProxy();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    // Axon's back-off the processor is in when the database comes back; recovery must beat it clearly
    private static final String BACK_OFF = "preparing for retry in 8s";

    @LocalServerPort
    private int port;

    private final ListAppender<ILoggingEvent> processorLog = new ListAppender<>();
    private Http http;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DatabaseProxy.viaProxy(TestDatabase.URL, PROXY.port()));
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port);
        processorLog.start();
        trackingProcessorLogger().addAppender(processorLog);
    }

    @AfterEach
    void tearDown() {
        trackingProcessorLogger().detachAppender(processorLog);
        PROXY.restore();
    }

    @Test
    void answersUnavailableDuringAnOutageAndCatchesUpRightAfterIt() {
        EventStoreWriter commandSide = new EventStoreWriter();
        String before = "CART-" + UUID.randomUUID();
        String during = "CART-" + UUID.randomUUID();
        commandSide.append("Cart", before, new CartCreatedEvent(before, "CUST-1", Instant.now()));
        await().atMost(LIMIT).until(() -> http.get("/api/carts/" + before).status() == 200);

        PROXY.cut();
        Http.Response query = http.get("/api/carts/" + before);
        commandSide.append("Cart", during, new CartCreatedEvent(during, "CUST-1", Instant.now()));
        await().atMost(LIMIT).until(() -> cartViewLogged(BACK_OFF));

        assertThat(query.status()).as(query.toString()).isEqualTo(503);
        assertThat(query.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(query.header("Retry-After")).isEqualTo("5");

        PROXY.restore();
        long restored = System.nanoTime();
        await().atMost(LIMIT).until(() -> http.get("/api/carts/" + during).status() == 200);
        long caughtUpMillis = (System.nanoTime() - restored) / 1_000_000;

        System.out.printf("[OUTAGE] cart view caught up %d ms after the database came back%n", caughtUpMillis);
        assertThat(caughtUpMillis).isLessThan(6_000);
    }

    private boolean cartViewLogged(String text) {
        List<ILoggingEvent> events;
        // the appender adds under its own lock, from the processors' threads
        synchronized (processorLog) {
            events = List.copyOf(processorLog.list);
        }
        return events.stream().anyMatch(event -> event.getThreadName().contains("[cart-view]")
                && event.getFormattedMessage().contains(text));
    }

    private static Logger trackingProcessorLogger() {
        return (Logger) LoggerFactory.getLogger(TrackingEventProcessor.class);
    }

    private static DatabaseProxy startProxy() {
        try {
            return new DatabaseProxy(TestDatabase.URL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
