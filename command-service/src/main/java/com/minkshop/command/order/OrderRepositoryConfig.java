package com.minkshop.command.order;

import com.minkshop.command.config.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declared here because {@link Order} is package-private; the rules are in {@link AggregateRepositories}. */
@Configuration(proxyBeanMethods = false)
class OrderRepositoryConfig {

    @Bean
    Repository<Order> orderRepository(AggregateRepositories repositories) {
        return repositories.create(Order.class);
    }
}
