package com.minkshop.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real command bus (with the production handler interceptors) whose handlers are scripted per test. Web tests
 * send through the production gateway, so validation and retries behave as in the application.
 */
public final class StubCommandBus {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, Function<Object, Object>> answers = new ConcurrentHashMap<>();
    private final List<Object> received = new CopyOnWriteArrayList<>();

    StubCommandBus(List<MessageHandlerInterceptor<? super CommandMessage<?>>> interceptors) {
        interceptors.forEach(bus::registerHandlerInterceptor);
    }

    CommandBus bus() {
        return bus;
    }

    /** The handler for {@code type} answers with whatever {@code answer} returns or throws. */
    public <C> void answer(Class<C> type, Function<C, Object> answer) {
        answers.put(type.getName(), command -> answer.apply(type.cast(command)));
        if (subscribed.add(type.getName())) {
            bus.subscribe(type.getName(), message -> {
                received.add(message.getPayload());
                Function<Object, Object> current = answers.get(type.getName());
                if (current == null) {
                    throw new IllegalStateException("no answer scripted for " + type.getSimpleName());
                }
                return current.apply(message.getPayload());
            });
        }
    }

    public <C> void fail(Class<C> type, RuntimeException failure) {
        answer(type, command -> {
            throw failure;
        });
    }

    /** The only command the handlers received, which must be of {@code type}. */
    public <C> C received(Class<C> type) {
        assertThat(received).hasSize(1).first().isInstanceOf(type);
        return type.cast(received.get(0));
    }

    public List<Object> allReceived() {
        return List.copyOf(received);
    }

    public void reset() {
        answers.clear();
        received.clear();
    }
}
