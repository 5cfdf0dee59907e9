package com.minkshop.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order fulfilment saga ({@code minkshop.sagas.*}).
 *
 * @param autoStart false leaves the saga's processor stopped in this instance
 */
@ConfigurationProperties("minkshop.sagas")
public record SagaProperties(@DefaultValue("true") boolean autoStart) {
}
