package com.minkshop.command.cart;

import com.minkshop.command.config.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declared here because {@link Cart} is package-private; the rules are in {@link AggregateRepositories}. */
@Configuration(proxyBeanMethods = false)
class CartRepositoryConfig {

    @Bean
    Repository<Cart> cartRepository(AggregateRepositories repositories) {
        return repositories.create(Cart.class);
    }
}
