package com.minkshop.command.interceptors;

import org.axonframework.messaging.Message;

/**
 * How commands are named in logs: the tutorial's names, i.e. the class name without the {@code Command} suffix.
 */
final class CommandNames {

    private static final String SUFFIX = "Command";

    private CommandNames() {
    }

    static String of(Message<?> message) {
        String name = message.getPayloadType().getSimpleName();
        return name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
                ? name.substring(0, name.length() - SUFFIX.length())
                : name;
    }
}
