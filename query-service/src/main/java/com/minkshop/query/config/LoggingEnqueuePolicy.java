package com.minkshop.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every failing event (and, through the sequenced queue, the later events of the same aggregate) and says so
 * loudly, counting the attempts in the letter's diagnostics.
 */
class LoggingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(LoggingEnqueuePolicy.class);
    static final String ATTEMPTS = "attempts";
    // dead_letter_entry.cause_message is VARCHAR(1023)
    private static final int MAX_CAUSE_LENGTH = 1000;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        long attempts = attempts(letter) + 1;
        log.error("Event {} ({}) failed {} time(s) and is parked in the dead-letter queue: {}",
                  letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(), attempts,
                  cause.toString(), cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause, MAX_CAUSE_LENGTH),
                                 l -> l.diagnostics().and(ATTEMPTS, attempts));
    }

    private static long attempts(DeadLetter<? extends EventMessage<?>> letter) {
        MetaData diagnostics = letter.diagnostics();
        Object value = diagnostics == null ? null : diagnostics.get(ATTEMPTS);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
