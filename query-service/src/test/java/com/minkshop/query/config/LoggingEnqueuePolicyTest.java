package com.minkshop.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingEnqueuePolicyTest {

    private final LoggingEnqueuePolicy policy = new LoggingEnqueuePolicy();

    @Test
    void alwaysParksAndCountsTheAttempts() {
        DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("P1", GenericEventMessage.asEventMessage("e"));
        IllegalStateException cause = new IllegalStateException("x".repeat(1100));

        EnqueueDecision<EventMessage<?>> first = policy.decide(letter, cause);
        DeadLetter<? extends EventMessage<?>> parked = first.withDiagnostics(letter);
        EnqueueDecision<EventMessage<?>> second = policy.decide(parked, cause);

        assertThat(first.shouldEnqueue()).isTrue();
        assertThat(first.enqueueCause()).hasValueSatisfying(c -> assertThat(c.getMessage()).hasSizeLessThan(1024));
        assertThat(parked.diagnostics().get(LoggingEnqueuePolicy.ATTEMPTS)).isEqualTo(1L);
        assertThat(second.withDiagnostics(parked).diagnostics().get(LoggingEnqueuePolicy.ATTEMPTS)).isEqualTo(2L);
    }
}
