package com.minkshop.command.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a retry must repeat to count as the same request: method, path and body. The body is compared as JSON, so
 * a client that re-serializes it (other key order, whitespace, {@code 9.90} for {@code 9.9}) still matches.
 */
public final class RequestFingerprint {

    // never the web mapper: its settings reject some bodies, and a fingerprint must be computed for any body
    private static final ObjectMapper JSON = JsonMapper.builder()
                                                       .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                                                       .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                                                       .build();

    private RequestFingerprint() {
    }

    /** SHA-256 in hex. */
    public static String of(String method, String path, byte[] body) {
        String request = method + '\n' + path + '\n' + canonicalBody(body);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * JSON with sorted keys, no whitespace and numbers without trailing zeros. A body that is not JSON can only be
     * answered with 400, which is never stored, so it is kept as it came (with a prefix no JSON text can have).
     */
    static String canonicalBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return "";
        }
        try {
            StringBuilder canonical = new StringBuilder(text.length());
            write(JSON.readTree(text), canonical);
            return canonical.toString();
        } catch (JsonProcessingException e) {
            return "raw:" + text;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quote(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(canonicalNumber(node.decimalValue()));
        } else {
            out.append(node);
        }
    }

    private static String canonicalNumber(BigDecimal number) {
        try {
            return number.stripTrailingZeros().toString();
        } catch (ArithmeticException e) {
            // 100E+2147483647 has no zero-stripped form (its scale would overflow); as it came, it is still one
            // fingerprint per value, and the request gets its 400 from validation instead of a 500 from here
            return number.toString();
        }
    }

    private static String quote(String name) {
        try {
            return JSON.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
