package com.minkshop.command.config;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.annotation.ElementType;

/**
 * What this service validates, request bodies and commands, are records and never JPA entities, so every property is
 * there to be checked. With JPA on the class path, Hibernate Validator's default resolver asks every persistence
 * provider whether each property is loaded, on every validation: 1.5 % of the CPU per created cart (JFR,
 * docs/benchmarks.md). Hibernate ORM validates entities with a validator of its own, unaffected by this one.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfig {

    @Bean
    ValidationConfigurationCustomizer everyPropertyReachable() {
        return configuration -> configuration.traversableResolver(new EveryPropertyReachable());
    }

    static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                   Path pathToTraversableObject, ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                    Path pathToTraversableObject, ElementType elementType) {
            return true;
        }
    }
}
