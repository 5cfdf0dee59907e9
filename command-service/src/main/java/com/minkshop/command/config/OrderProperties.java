package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Orders ({@code minkshop.orders.*}).
 *
 * @param paymentTimeout how long a placed order may stay unpaid before the system cancels it
 */
@ConfigurationProperties("minkshop.orders")
public record OrderProperties(@DefaultValue("30m") Duration paymentTimeout) {

    public OrderProperties {
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("minkshop.orders.payment-timeout must be positive");
        }
    }
}
