package com.minkshop.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Finds a command's target aggregate by the rules of Axon's {@link AnnotationCommandTargetResolver} (the first method
 * annotated with {@link TargetAggregateIdentifier} / {@link TargetAggregateVersion}, else the first such field), but
 * looks for the annotated members once per command class: Axon's resolver scans every method and field of the payload
 * on every command, which took ~3 % of the command-service's CPU under load (profiled with async-profiler). Axon uses
 * it for every aggregate because it is the only {@link CommandTargetResolver} bean.
 */
@Component
class CachedCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return new Target(accessor(type, TargetAggregateIdentifier.class),
                              accessor(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier = target.identifier().read(payload);
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields "
                    + "or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and that it "
                    + "returns a non-null value.", command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, asVersion(target.version().read(payload)));
    }

    private static Long asVersion(Object value) {
        try {
            return value == null ? null
                    : value instanceof Number number ? Long.valueOf(number.longValue())
                    : Long.valueOf(Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }

    private static Accessor accessor(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return payload -> {
                    try {
                        return method.invoke(payload);
                    } catch (InvocationTargetException | IllegalAccessException e) {
                        throw new IllegalArgumentException(
                                "An exception occurred while extracting aggregate information from a command", e);
                    }
                };
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return payload -> ReflectionUtils.getFieldValue(field, payload);
            }
        }
        return payload -> null;
    }

    @FunctionalInterface
    private interface Accessor {
        Object read(Object payload);
    }

    private record Target(Accessor identifier, Accessor version) {
    }
}
