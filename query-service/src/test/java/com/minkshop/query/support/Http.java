package com.minkshop.query.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A tiny JSON-over-HTTP client for tests against a running service.
 */
public class Http {

    // money must keep its two decimals when read back (4.80 must not become 4.8)
    private static final ObjectMapper JSON = JsonMapper.builder()
                                                       .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                                       .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                                                       .build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
    }

    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
    }

    public Response get(String path, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                               .header(headerName, headerValue).GET().build());
    }

    public CompletableFuture<Response> getAsync(String path) {
        return client.sendAsync(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
                     .thenApply(Response::of);
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                               .header("Content-Type", "application/json")
                               .POST(json == null ? HttpRequest.BodyPublishers.noBody()
                                                  : HttpRequest.BodyPublishers.ofString(json))
                               .build());
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public Response send(HttpRequest request) {
        try {
            return Response.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }

    public record Response(int status, String contentType, HttpResponse<String> raw) {

        static Response of(HttpResponse<String> response) {
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                                response);
        }

        public JsonNode json() {
            return parse(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }
}
