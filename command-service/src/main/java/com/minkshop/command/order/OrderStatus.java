package com.minkshop.command.order;

import java.util.Locale;

enum OrderStatus {

    PENDING,
    PAID,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** The lowercase name the spec and the API use, e.g. {@code pending}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
