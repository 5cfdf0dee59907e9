package com.minkshop.api.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-42", "ABC.def_1:2-3",
                            "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsTheCallersIdWhenValid(String id) {
        assertThat(CorrelationId.isValid(id)).isTrue();
        assertThat(CorrelationId.acceptOrCreate(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "two words", "semi;colon", "new\nline", "ü", "<script>",
                            "01234567890123456789012345678901234567890123456789012345678901234"})
    void replacesAnInvalidIdWithANewUuid(String id) {
        assertThat(CorrelationId.isValid(id)).isFalse();
        String created = CorrelationId.acceptOrCreate(id);
        assertThat(UUID.fromString(created).toString()).isEqualTo(created);
        assertThat(CorrelationId.acceptOrCreate(id)).isNotEqualTo(created);
    }
}
