package com.minkshop.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain HTTP client for the integration tests, so they go through Tomcat exactly like a real caller.
 */
public final class ShopClient {

    // decimals stay BigDecimal with their scale, so "59.98" and "59.980" are told apart
    private static final ObjectMapper JSON = JsonMapper.builder()
                                                       .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                                       .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                                                       .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;

    public ShopClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                               .header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                               .header("Content-Type", contentType)
                               .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code headers} are name, value, name, value, ... */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                                                 .header("Content-Type", "application/json")
                                                 .method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type"),
                                response.headers().firstValue("Location"), response.body(), parse(response.body()),
                                response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public record Response(int status, Optional<String> contentType, Optional<String> location, String text,
                           JsonNode body, HttpHeaders headers) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public long version() {
            return body.path("version").asLong(-1);
        }

        public String code() {
            return body.path("code").asText(null);
        }

        public JsonNode data(String field) {
            return body.path("data").path(field);
        }

        public BigDecimal amount(String field) {
            return data(field).decimalValue();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
