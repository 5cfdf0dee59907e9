package com.minkshop.command.idempotency;

/**
 * The value of an {@code Idempotency-Key} header. The IETF draft makes it an RFC 8941 string ({@code "abc"}),
 * while Stripe-style clients send a bare token ({@code abc}); both name the same key.
 *
 * @param value the key without quotes or escapes: 1 to 255 visible ASCII characters
 */
public record IdempotencyKey(String value) {

    static final int MAX_LENGTH = 255;
    static final String INVALID =
            "Idempotency-Key must be 1 to " + MAX_LENGTH + " visible ASCII characters, bare or as a quoted string";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(IdempotencyKey::isVisibleAscii)) {
            throw new IllegalArgumentException(INVALID);
        }
    }

    /** @throws IllegalArgumentException with a message fit for the client when the header value is malformed */
    public static IdempotencyKey parse(String header) {
        if (header == null) {
            throw new IllegalArgumentException(INVALID);
        }
        String trimmed = header.strip();
        return new IdempotencyKey(trimmed.startsWith("\"") ? unquote(trimmed) : trimmed);
    }

    /** RFC 8941 §3.3.3: inside the quotes printable ASCII only; {@code \} escapes exactly {@code "} and itself. */
    private static String unquote(String quoted) {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '"') {
                if (i != quoted.length() - 1) {
                    throw new IllegalArgumentException(INVALID);
                }
                return value.toString();
            }
            if (c == '\\') {
                if (++i == quoted.length() || (quoted.charAt(i) != '"' && quoted.charAt(i) != '\\')) {
                    throw new IllegalArgumentException(INVALID);
                }
                c = quoted.charAt(i);
            }
            value.append(c);
        }
        throw new IllegalArgumentException(INVALID);
    }

    private static boolean isVisibleAscii(int c) {
        return c >= 0x21 && c <= 0x7E;
    }
}
