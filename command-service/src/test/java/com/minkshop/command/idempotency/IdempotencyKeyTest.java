package com.minkshop.command.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "8e03978e-40d5-43e8-bc93-6894a57f9324 | 8e03978e-40d5-43e8-bc93-6894a57f9324",
            "'\"8e03978e-40d5\"'                    | 8e03978e-40d5",
            "'  abc  '                              | abc",
            "'\"a\\\"b\\\\c\"'                      | 'a\"b\\c'",
            "'a,b;c=d'                              | 'a,b;c=d'",
            "x                                      | x"})
    void acceptsTokensAndQuotedStrings(String header, String key) {
        assertThat(IdempotencyKey.parse(header).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\"abc", "\"ab\"c\"", "\"a\\bc\"", "\"abc\\\"", "a b", "\"a b\"",
                            "caf\u00e9", "tab\there", "\"x\"y"})
    void rejectsMalformedValues(String header) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse(header))
                                            .withMessageContaining("Idempotency-Key");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255})
    void acceptsLengthsWithinTheLimit(int length) {
        assertThat(IdempotencyKey.parse("k".repeat(length)).value()).hasSize(length);
        assertThat(IdempotencyKey.parse("\"" + "k".repeat(length) + "\"").value()).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 10_000})
    void rejectsLongerKeys(int length) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse("k".repeat(length)));
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse("\"" + "k".repeat(length) + "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u001f", "\u007f"})
    void rejectsControlCharacters(String control) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.parse("a" + control + "b"));
    }
}
