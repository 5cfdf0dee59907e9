package com.minkshop.api.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void normalisesToCents() {
        assertThat(Money.of("5").amount()).isEqualByComparingTo("5.00").hasScaleOf(2);
        assertThat(Money.of("29.99").times(2)).isEqualTo(Money.of("59.98"));
    }

    @Test
    void roundsRatesHalfUpToCents() {
        // the tutorial's demo: 59.98 x 0.08 = 4.7984 -> 4.80, so the order totals 70.77 (not 70.76)
        Money subtotal = Money.of("59.98");
        Money tax = subtotal.times(new BigDecimal("0.08"));
        assertThat(tax).isEqualTo(Money.of("4.80"));
        assertThat(subtotal.plus(Money.of("5.99")).plus(tax)).isEqualTo(Money.of("70.77"));
        assertThat(Money.of("0.125").amount()).isEqualByComparingTo("0.13");
        assertThat(Money.of("0.124").amount()).isEqualByComparingTo("0.12");
    }

    @Test
    void equalityIgnoresTheScaleItWasWrittenWith() {
        assertThat(Money.of("2.0")).isEqualTo(Money.of("2.00"));
        assertThat(Money.of("70.76").isLessThan(Money.of("70.77"))).isTrue();
        assertThat(Money.of("70.77").isLessThan(Money.of("70.77"))).isFalse();
    }

    @Test
    void serialisesAsAPlainJsonNumberWithTwoDecimals() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.writeValueAsString(Money.of("5"))).isEqualTo("5.00");
        assertThat(mapper.writeValueAsString(Money.of("70.77"))).isEqualTo("70.77");
        assertThat(mapper.readValue("29.99", Money.class)).isEqualTo(Money.of("29.99"));
    }
}
