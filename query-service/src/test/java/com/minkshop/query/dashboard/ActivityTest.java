package com.minkshop.query.dashboard;

import com.minkshop.api.common.Money;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTest {

    @Test
    void tutorialTextsAreKeptVerbatim() {
        assertThat(Activity.orderPlaced("ORDER-001", Money.of("70.77")).description())
                .isEqualTo("New order #ORDER-001 for $70.77");
        assertThat(Activity.orderShipped("ORDER-001", "UPS").description())
                .isEqualTo("Order #ORDER-001 shipped via UPS");
        assertThat(Activity.orderCancelled("ORDER-001", "too late").description())
                .isEqualTo("Order #ORDER-001 cancelled: too late");
        assertThat(Activity.productCreated("Super Widget", Money.of("29.99")).description())
                .isEqualTo("New product: Super Widget ($29.99)");
        assertThat(Activity.stockAdded(50, "PROD-001").description()).isEqualTo("Stock added: 50 units to PROD-001");
    }

    @Test
    void amountsAlwaysUseADotWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Activity.orderPlaced("O", Money.of("1234.5")).description())
                    .isEqualTo("New order #O for $1234.50");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void routineStockMovementsAreStreamedButNotListed() {
        assertThat(Activity.stockReserved(1, "P", "O").listed()).isFalse();
        assertThat(Activity.orderConfirmed("O").listed()).isFalse();
        assertThat(Activity.orderPlaced("O", Money.ZERO).listed()).isTrue();
        assertThat(Activity.orderPlaced("O", Money.ZERO).type()).isEqualTo("order_placed");
    }
}
