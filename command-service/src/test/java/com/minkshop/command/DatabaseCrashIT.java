package com.minkshop.command;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL itself crashes ({@code pg_ctl stop -m immediate}: no shutdown checkpoint, recovery from the WAL on the
 * next start) under keyed create requests, and is started again. Every request that was answered 201 has its event
 * after the restart; the others were answered 503 SERVICE_UNAVAILABLE (never a 500) and, retried with the same key, end
 * with exactly one effect; the same command-service process serves again without any manual action. Runs on a
 * PostgreSQL cluster of its own (the binaries ./shop uses), so the other tests never see the crash.
 */
class DatabaseCrashIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String KEY = "Idempotency-Key";
    private static final int CLIENTS = 6;
    private static final String DATABASE = "crashdb";
    // the project's own cluster helpers, as ./shop and the benchmark use them
    private static final Path POSTGRES_SCRIPT = Path.of("..", "scripts", "postgres.sh").toAbsolutePath().normalize();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Path clusterHome;
    private int databasePort;
    private Process service;

    @BeforeEach
    void startCluster() throws Exception {
        // with only an external database (MINKSHOP_TEST_DB_URL) and no server binaries there is nothing to crash
        assumeTrue(withPostgresHelpers("find_pg_bin >/dev/null", "", 0).exitCode() == 0,
                   "needs PostgreSQL server binaries (initdb, pg_ctl) for a cluster of its own");
        clusterHome = Files.createTempDirectory("minkshop-crash-");
        assertThat(clusterHome.toFile().setReadable(true, false)
                   && clusterHome.toFile().setExecutable(true, false)).isTrue();
        databasePort = ServiceJar.freePort();
        postgres("start_cluster \"$1/data\" \"$2\" && create_database \"$2\" " + DATABASE);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (clusterHome == null) {
            return;
        }
        if (service != null) {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        postgres("stop_cluster \"$1/data\"");
        postgres("rm -rf \"$1\"");
    }

    @Test
    void everyAnsweredCommandSurvivesADatabaseCrashAndTheRestHaveExactlyOneEffectWhenRetried() throws Exception {
        int port = ServiceJar.freePort();
        service = startService(port);
        ShopClient shop = new ShopClient(port);

        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean keepSending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                // bounded, and ended by the flag once the database is back
                for (int guard = 0; guard < 100_000 && keepSending.get(); guard++) {
                    int i = next.getAndIncrement();
                    answers.put(i, create(shop, i).status());
                }
            });
        }
        await().atMost(TIMEOUT).until(() -> answers.size() >= 200);

        postgres("as_pg \"$(find_pg_bin)/pg_ctl\" -D \"$1/data\" -m immediate stop");
        int answeredBeforeTheCrash = answers.size();
        await().atMost(TIMEOUT).until(() -> answers.values().stream().anyMatch(status -> status == 503));
        postgres("start_cluster \"$1/data\" \"$2\"");
        // served again by the same process: the clients see 201s after their 503s
        int unavailable = answers.size();
        await().atMost(TIMEOUT).until(() -> answers.entrySet().stream()
                                                   .anyMatch(e -> e.getKey() > unavailable && e.getValue() == 201));
        keepSending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(service.isAlive()).isTrue();

        Map<Integer, Long> answersByStatus = new HashMap<>();
        answers.values().forEach(status -> answersByStatus.merge(status, 1L, Long::sum));
        assertThat(answersByStatus.keySet()).as("statuses %s", answersByStatus).containsOnly(201, 503);
        Map<String, Long> events = eventsPerCart();
        answers.forEach((i, status) -> {
            if (status == 201) {
                assertThat(events.get(cartId(i))).as("event of answered request %d", i).isEqualTo(1L);
            }
        });

        int committedBeforeTheirAnswer = 0;
        for (int i : answers.keySet()) {
            if (answers.get(i) == 201) {
                continue;
            }
            int request = i;
            // a connection cut by the crash may leave the key claimed until PostgreSQL notices
            ShopClient.Response retried = await().atMost(TIMEOUT).until(
                    () -> create(shop, request), response -> response.status() != 503
                            && !"IDEMPOTENCY_KEY_IN_PROGRESS".equals(response.code()));
            assertThat(retried.status()).as("retry of request %d: %s", i, retried).isEqualTo(201);
            if (retried.header("Idempotent-Replayed").isPresent()) {
                committedBeforeTheirAnswer++;
            }
        }
        assertThat(eventsPerCart().values()).as("CartCreated events per cart").hasSize(answers.size())
                                            .containsOnly(1L);
        System.out.printf("[DB CRASH] %d keyed creates: %d answered before the crash, answers %s; %d of the 503s "
                          + "had committed (answered from the store on retry); one event per cart%n", answers.size(),
                          answeredBeforeTheCrash, answersByStatus, committedBeforeTheirAnswer);
    }

    private ShopClient.Response create(ShopClient shop, int i) {
        try {
            String body = """
                    {"cartId": "%s", "customerId": "CUST-CRASH"}""".formatted(cartId(i));
            return shop.send("POST", "/api/carts", body, KEY, "db-crash-" + run + "-" + i);
        } catch (UncheckedIOException e) {
            throw new AssertionError("the service must keep answering while the database is down", e);
        }
    }

    private String cartId(int i) {
        return "DBCRASH-" + run + "-" + i;
    }

    private Map<String, Long> eventsPerCart() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "minkshop", "minkshop");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT aggregate_identifier, count(*) FROM eventstore.domain_event_entry "
                     + "WHERE aggregate_identifier LIKE ? GROUP BY aggregate_identifier")) {
            count.setString(1, "DBCRASH-" + run + "-%");
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }
    }

    private String databaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + DATABASE;
    }

    /** Runs a bash snippet with the project's PostgreSQL helpers; $1 is the cluster's folder, $2 its port. */
    private void postgres(String snippet) throws IOException, InterruptedException {
        Bash result = withPostgresHelpers(snippet, clusterHome.toString(), databasePort);
        assertThat(result.exitCode()).as("%s%n%s", snippet, result.output()).isZero();
    }

    private static Bash withPostgresHelpers(String snippet, String clusterHome, int port)
            throws IOException, InterruptedException {
        String script = "set -euo pipefail; log() { :; }; die() { echo \"$*\" >&2; exit 1; }; "
                        + "DB_USER=minkshop; DB_PASSWORD=minkshop; source \"$3\"; " + snippet;
        Process bash = new ProcessBuilder("bash", "-c", script, "postgres-helper", clusterHome,
                                          Integer.toString(port), POSTGRES_SCRIPT.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Bash(bash.exitValue(), output);
    }

    private record Bash(int exitCode, String output) {
    }

    private Process startService(int port) throws IOException {
        return ServiceJar.start(port, Path.of("target", "command-service-db-crash.log"),
                                Map.of("MINKSHOP_DB_URL", databaseUrl(), "MINKSHOP_DB_USERNAME", "minkshop",
                                       "MINKSHOP_DB_PASSWORD", "minkshop"));
    }
}
