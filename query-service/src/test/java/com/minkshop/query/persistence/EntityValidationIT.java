package com.minkshop.query.persistence;

import com.minkshop.query.support.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.beanvalidation.BeanValidationEventListener;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class EntityValidationIT {

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Test
    void viewRowsAreNotBeanValidatedOnEveryWrite() {
        EventListenerRegistry listeners = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                                                              .getEventEngine().getListenerRegistry();

        for (EventType<?> write : List.of(EventType.PRE_INSERT, EventType.PRE_UPDATE, EventType.PRE_UPSERT,
                                          EventType.PRE_DELETE)) {
            assertThat(listeners.getEventListenerGroup(write).listeners())
                    .as(write.eventName()).noneMatch(BeanValidationEventListener.class::isInstance);
        }
    }
}
