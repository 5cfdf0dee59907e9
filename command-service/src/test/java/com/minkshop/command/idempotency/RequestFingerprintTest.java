package com.minkshop.command.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    @Test
    void ignoresKeyOrderWhitespaceAndTrailingZeros() {
        String first = fingerprint("POST", "/api/products/P-1/price", "{\"newPrice\": 9.90, \"reason\": \"sale\"}");
        String second = fingerprint("POST", "/api/products/P-1/price", "{\n  \"reason\":\"sale\",\"newPrice\":9.9\n}");

        assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void canonicalizesNestedObjectsAndKeepsArrayOrder() {
        assertThat(canonical("{\"b\": [3, {\"y\": 1.50, \"x\": null}], \"a\": \"\\u00e9\"}"))
                .isEqualTo("{\"a\":\"\u00e9\",\"b\":[3,{\"x\":null,\"y\":1.5}]}");
        assertThat(canonical("[1, 2]")).isNotEqualTo(canonical("[2, 1]"));
    }

    @Test
    void tellsDifferentValuesMethodsAndPathsApart() {
        String body = "{\"quantity\": 1}";
        String base = fingerprint("POST", "/api/products/P-1/stock", body);

        assertThat(fingerprint("POST", "/api/products/P-1/stock", "{\"quantity\": 2}")).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/api/products/P-2/stock", body)).isNotEqualTo(base);
        assertThat(fingerprint("PUT", "/api/products/P-1/stock", body)).isNotEqualTo(base);
        assertThat(fingerprint("POST", "/api/products/P-1/stock", "{\"quantity\": \"1\"}")).isNotEqualTo(base);
    }

    @Test
    void treatsAMissingAndABlankBodyAlikeButNotLikeAnEmptyObject() {
        assertThat(fingerprint("POST", "/p", "")).isEqualTo(fingerprint("POST", "/p", " \n"))
                                                 .isNotEqualTo(fingerprint("POST", "/p", "{}"));
    }

    @Test
    void keepsABodyThatIsNotJsonAsItCame() {
        assertThat(canonical("{not json")).isEqualTo("raw:{not json");
        assertThat(canonical("{\"a\": 1} trailing")).startsWith("raw:");
        assertThat(fingerprint("POST", "/p", "{not json")).isNotEqualTo(fingerprint("POST", "/p", "{not  json"));
    }

    @Test
    void keepsANumberWithoutAZeroStrippedFormAsItCame() {
        assertThat(canonical("{\"price\": 100e2147483647}")).isEqualTo("{\"price\":1.00E+2147483649}");
        assertThat(canonical("{\"price\": 10e2147483647}")).isEqualTo("{\"price\":1E+2147483648}");
        assertThat(canonical("{\"price\": 1e2147483647}")).isEqualTo("{\"price\":1E+2147483647}");
    }

    private static String fingerprint(String method, String path, String body) {
        return RequestFingerprint.of(method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String canonical(String body) {
        return RequestFingerprint.canonicalBody(body.getBytes(StandardCharsets.UTF_8));
    }
}
