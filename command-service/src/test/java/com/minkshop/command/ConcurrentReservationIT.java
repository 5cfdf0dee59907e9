package com.minkshop.command;

import com.minkshop.command.ShopClient.Response;
import com.minkshop.command.StoredEvents.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel commands on one aggregate never break its invariants and never end in a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentReservationIT {

    private static final int CLIENTS = 20;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private ShopClient shop;
    private ExecutorService clients;

    @BeforeEach
    void start() {
        shop = new ShopClient(port);
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void twentyReservationsOfOneUnitAgainstTenInStockGiveTenSuccessesAndTenInsufficientStock() throws Exception {
        String productId = "PROD-" + UUID.randomUUID();
        Response created = shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-1", "name": "Widget", "price": 9.99, "initialStock": 10}"""
                .formatted(productId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<Response> responses = allAtOnce(client -> shop.post(
                "/api/products/" + productId + "/reservations",
                "{\"orderId\": \"ORDER-" + client + "-" + UUID.randomUUID() + "\", \"quantity\": 1}"));

        Map<Integer, Long> byStatus = responses.stream()
                                               .collect(Collectors.groupingBy(Response::status,
                                                                              Collectors.counting()));
        assertThat(byStatus).as(responses.toString()).containsOnly(Map.entry(200, 10L), Map.entry(409, 10L));
        assertThat(responses).filteredOn(response -> response.status() == 409)
                             .allSatisfy(response -> assertThat(response.code()).isEqualTo("INSUFFICIENT_STOCK"));
        // each success saw a different, gap-free stream length
        assertThat(responses).filteredOn(response -> response.status() == 200)
                             .extracting(Response::version)
                             .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 11).boxed().toList());

        List<StoredEvent> stream = new StoredEvents(jdbc).of(productId);
        assertThat(stream).hasSize(11);
        assertThat(stream).extracting(StoredEvent::sequenceNumber)
                          .containsExactlyElementsOf(LongStream.range(0, 11).boxed().toList());
        assertThat(stream).extracting(StoredEvent::simpleType).filteredOn("StockReservedEvent"::equals).hasSize(10);
    }

    @Test
    void parallelCreatesOfTheSameProductYieldOneProductAndConflictsForTheRest() throws Exception {
        String productId = "PROD-" + UUID.randomUUID();

        List<Response> responses = allAtOnce(client -> shop.post("/api/products", """
                {"productId": "%s", "sku": "SKU-%d", "name": "Widget", "price": 9.99, "initialStock": 1}"""
                .formatted(productId, client)));

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 201)
                             .allSatisfy(response -> {
                                 assertThat(response.status()).isEqualTo(409);
                                 assertThat(response.code()).isEqualTo("PRODUCT_ALREADY_EXISTS");
                             });
        assertThat(new StoredEvents(jdbc).of(productId)).hasSize(1);
    }

    /** Starts every client at the same moment (a latch, not a sleep) and collects all answers. */
    private List<Response> allAtOnce(Function<Integer, Response> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            Callable<Response> call = () -> {
                ready.countDown();
                assertThat(go.await(30, TimeUnit.SECONDS)).isTrue();
                return request.apply(id);
            };
            futures.add(clients.submit(call));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }
}
