package com.minkshop.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationMdcInterceptorTest {

    private final CorrelationMdcInterceptor interceptor = new CorrelationMdcInterceptor();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theHandlerLogsWithTheEventsCorrelationIdAndTheThreadGetsItsOwnBack() throws Exception {
        MDC.put("correlationId", "before");

        Object seen = handle(GenericEventMessage.asEventMessage("event").andMetaData(Map.of("correlationId", "req-7")));

        assertThat(seen).isEqualTo("req-7");
        assertThat(MDC.get("correlationId")).isEqualTo("before");
    }

    @Test
    void anEventWithoutIdLeavesTheMdcAlone() throws Exception {
        Object seen = handle(GenericEventMessage.asEventMessage("event"));

        assertThat(seen).isNull();
        assertThat(MDC.get("correlationId")).isNull();
    }

    private Object handle(EventMessage<?> event) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            return interceptor.handle(unitOfWork, () -> MDC.get("correlationId"));
        } finally {
            unitOfWork.rollback();
        }
    }
}
