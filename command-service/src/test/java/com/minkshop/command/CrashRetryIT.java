package com.minkshop.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command-service killed with SIGKILL while keyed requests are in flight, and clients that retry them with the same
 * Idempotency-Key once it is back: every request ends with exactly one effect. The key's stored answer commits with
 * the command's events, so a request either left both (the retry is answered from the store) or neither (the retry
 * runs it).
 */
class CrashRetryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String KEY = "Idempotency-Key";
    private static final int CLIENTS = 8;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServices() throws InterruptedException {
        for (Process process : started) {
            // a graceful stop releases the saga processor's claim for the other tests sharing this database
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void everyRequestRetriedAfterACrashHasExactlyOneEffect() throws Exception {
        int port = ServiceJar.freePort();
        Process first = start(port);
        ShopClient shop = new ShopClient(port);

        Map<Integer, Integer> answered = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                // bounded: ends when the service dies under it
                for (int guard = 0; guard < 100_000; guard++) {
                    int i = next.getAndIncrement();
                    try {
                        answered.put(i, create(shop, i).status());
                    } catch (UncheckedIOException killed) {
                        return;
                    }
                }
            });
        }
        await().atMost(TIMEOUT).until(() -> answered.size() >= 100);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // the killed service keeps its token claims until they time out; hand them back for the other tests
        update("UPDATE eventstore.token_entry SET owner = NULL WHERE owner LIKE ?", first.pid() + "@%");
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int attempted = next.get();
        assertThat(answered.values()).as("answers before the crash").containsOnly(201);
        assertThat(attempted - answered.size()).as("requests cut off by the crash").isPositive();

        start(port);
        int committedButCutOff = 0;
        for (int i = 0; i < attempted; i++) {
            int request = i;
            // a request cut off mid-transaction may still hold its key for the moment PostgreSQL needs to notice
            ShopClient.Response retried = await().atMost(TIMEOUT).until(
                    () -> create(shop, request), response -> !"IDEMPOTENCY_KEY_IN_PROGRESS".equals(response.code()));
            assertThat(retried.status()).as("retry of request %d: %s", i, retried).isEqualTo(201);
            if (answered.containsKey(i)) {
                assertThat(retried.header("Idempotent-Replayed")).as("request %d", i).contains("true");
            } else if (retried.header("Idempotent-Replayed").isPresent()) {
                committedButCutOff++;
            }
            ShopClient.Response again = create(shop, i);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.text()).isEqualTo(retried.text());
            assertThat(again.header("Idempotent-Replayed")).contains("true");
        }
        assertThat(eventsPerCart()).as("CartCreated events per cart").hasSize(attempted).containsOnly(1L);
        System.out.printf("[CRASH] %d keyed creates: %d answered before the kill, %d cut off (%d of them had "
                          + "committed, answered from the store on retry); one event per cart%n", attempted,
                          answered.size(), attempted - answered.size(), committedButCutOff);
    }

    private ShopClient.Response create(ShopClient shop, int i) {
        return shop.send("POST", "/api/carts", """
                {"cartId": "%s", "customerId": "CUST-CRASH"}""".formatted(cartId(i)), KEY, "crash-" + run + "-" + i);
    }

    private String cartId(int i) {
        return "CRASH-" + run + "-" + i;
    }

    private static void update(String sql, String parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(env("MINKSHOP_DB_URL", "jdbc:postgresql://localhost:5432/minkshop"),
                                           env("MINKSHOP_DB_USERNAME", "minkshop"),
                                           env("MINKSHOP_DB_PASSWORD", "minkshop"));
    }

    private List<Long> eventsPerCart() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier LIKE ? "
                     + "GROUP BY aggregate_identifier")) {
            count.setString(1, "CRASH-" + run + "-%");
            List<Long> counts = new ArrayList<>();
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(1));
                }
            }
            return counts;
        }
    }

    private Process start(int port) throws IOException {
        Process process = ServiceJar.start(port, Path.of("target", "command-service-crash-" + started.size() + ".log"),
                                           Map.of());
        started.add(process);
        return process;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
