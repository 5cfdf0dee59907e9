package com.minkshop.command.product;

import com.minkshop.command.config.AggregateRepositories;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declared here because {@link Product} is package-private; the rules are in {@link AggregateRepositories}. */
@Configuration(proxyBeanMethods = false)
class ProductRepositoryConfig {

    @Bean
    Repository<Product> productRepository(AggregateRepositories repositories) {
        return repositories.create(Product.class);
    }
}
