package com.minkshop.command.config;

import com.minkshop.api.cart.AddToCartCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetResolverTest {

    private final CachedCommandTargetResolver resolver = new CachedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion String expected) {
    }

    static class FieldsOnly {
        @TargetAggregateIdentifier
        private final long id = 42;
        @TargetAggregateVersion
        private final Integer version = 3;
    }

    record Unaddressed(String id) {
    }

    @Test
    void findsWhatAxonsResolverFindsEveryTime() {
        Object[] commands = {new AddToCartCommand("CART-1", "PROD-1", "Widget", 2, new BigDecimal("9.99")),
                new Versioned("ORDER-7", "12"), new FieldsOnly(), new Versioned("ORDER-8", null)};
        for (int round = 0; round < 2; round++) { // the second round from the cache
            for (Object command : commands) {
                var message = GenericCommandMessage.asCommandMessage(command);

                assertThat(resolver.resolveTarget(message)).isEqualTo(axons.resolveTarget(message));
            }
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new FieldsOnly())))
                .isEqualTo(new VersionedAggregateIdentifier(42L, 3L));
    }

    @Test
    void rejectsACommandWithoutTargetOrWithANonNumericVersion() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Unaddressed("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unaddressed");
        assertThatThrownBy(() -> resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new Versioned("ORDER-9", "first"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }
}
