package com.minkshop.query;

import com.minkshop.api.cart.CartCreatedEvent;
import com.minkshop.api.cart.ItemAddedToCartEvent;
import com.minkshop.api.cart.ItemQuantityChangedEvent;
import com.minkshop.api.common.Money;
import com.minkshop.query.support.EventStoreWriter;
import com.minkshop.query.support.ServiceProcess;
import com.minkshop.query.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query-service killed with SIGKILL in the middle of projecting (no shutdown hook, no claim released, a batch
 * half done) and started again ends with exactly the views the events describe: nothing lost, nothing applied twice.
 * The views and the processor's token commit in one transaction, so the interrupted batch is simply done again.
 */
class CrashRecoveryIT {

    private static final int CARTS = 3_000;
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServices() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledServiceResumesWithoutLosingOrRepeatingAnEvent() throws Exception {
        TestDatabase.recreateWithEventStore();
        EventStoreWriter events = new EventStoreWriter();
        for (int i = 0; i < CARTS; i++) {
            String cart = "CRASH-" + i;
            events.appendBatch("Cart", cart,
                               new CartCreatedEvent(cart, "CUST-" + i % 7, T0),
                               new ItemAddedToCartEvent(cart, "PROD-1", "Widget", 1, Money.of("2.50"), T0),
                               new ItemAddedToCartEvent(cart, "PROD-2", "Gadget", i % 5 + 1, Money.of("1.25"), T0),
                               new ItemQuantityChangedEvent(cart, "PROD-1", 1, 3, T0));
        }
        long head = 4L * CARTS;

        // small batches: many commits, so the kill lands between and inside them
        Process first = start();
        await().atMost(START_TIMEOUT).pollInterval(10, TimeUnit.MILLISECONDS)
               .until(() -> alive(first) && committedPosition() >= head / 5);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long positionAtKill = committedPosition();
        assertThat(positionAtKill).as("killed mid-projection").isLessThan(head);
        assertThat(query("SELECT count(*) FROM readmodel.token_entry WHERE owner IS NOT NULL"))
                .as("claims left behind by the killed service").isPositive();

        Process second = start();
        await().atMost(START_TIMEOUT).pollInterval(100, TimeUnit.MILLISECONDS)
               .until(() -> alive(second) && committedPosition() >= head);

        assertThat(query("SELECT count(*) FROM readmodel.cart_view")).isEqualTo(CARTS);
        assertThat(query("SELECT count(*) FROM readmodel.cart_view WHERE version <> 4")).isZero();
        assertThat(query("SELECT count(*) FROM readmodel.cart_view_item")).isEqualTo(2L * CARTS);
        // every cart: 3 widgets at 2.50 and (i % 5 + 1) gadgets at 1.25
        long gadgets = 0;
        for (int i = 0; i < CARTS; i++) {
            gadgets += i % 5 + 1;
        }
        assertThat(query("SELECT sum(quantity) FROM readmodel.cart_view_item")).isEqualTo(3L * CARTS + gadgets);
        assertThat(query("SELECT round(sum(total_amount) * 100) FROM readmodel.cart_view"))
                .isEqualTo(750L * CARTS + 125L * gadgets);
        assertThat(query("SELECT count(*) FROM readmodel.dead_letter_entry")).isZero();
        System.out.printf("[CRASH] query-service killed at event %d of %d; after the restart the cart view holds "
                          + "exactly what the events describe%n", positionAtKill, head);
    }

    private Process start() throws IOException {
        String jar = System.getProperty("queryServiceJar", "").trim();
        assertThat(new File(jar)).as("query-service jar (build it first: ./mvnw package)").isFile();
        Path log = Path.of("target", "query-service-crash-" + started.size() + ".log");
        // C1 only: the child services start faster, and this test measures nothing
        Process process = ServiceProcess.start(log, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar,
                                               "--server.port=0",
                                               "--axon.eventhandling.processors.cart-view.batch-size=10");
        started.add(process);
        return process;
    }

    private static boolean alive(Process process) {
        assertThat(process.isAlive()).as("query-service exited, see target/query-service-crash-*.log").isTrue();
        return true;
    }

    /** The global index up to which the cart view is committed, read from its token ({"index": N, ...}). */
    private static long committedPosition() throws SQLException {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT convert_from(token, 'UTF8') FROM readmodel.token_entry "
                                                    + "WHERE processor_name = 'cart-view'")) {
            if (!row.next() || row.getString(1) == null) {
                return -1;
            }
            String token = row.getString(1);
            // a processor new to a non-empty store starts with a replay token: its progress is the current token
            int current = token.indexOf("\"currentToken\"");
            Matcher index = TOKEN_INDEX.matcher(current < 0 ? token : token.substring(current));
            return index.find() ? Long.parseLong(index.group(1)) : -1;
        } catch (SQLException tablesNotCreatedYet) {
            return -1;
        }
    }

    private static long query(String sql) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
