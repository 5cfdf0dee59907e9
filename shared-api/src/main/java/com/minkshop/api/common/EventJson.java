package com.minkshop.api.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JSON format in which the shop's events are stored: the one contract both services must share to the letter,
 * so it lives here rather than in either of them.
 * <p>
 * The mapper is deliberately never a Spring bean: Axon would otherwise pick up Spring MVC's mapper, and every
 * {@code spring.jackson.*} tweak for a REST API would silently change the stored format. Unknown fields are
 * tolerated so an older reader survives an event that gained a field.
 */
public final class EventJson {

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .build();
    }

    /** A serializer with a mapper of its own, because JacksonSerializer registers modules on the one it is given. */
    public static JacksonSerializer serializer() {
        return new CachingJacksonSerializer(JacksonSerializer.builder()
                                                             .objectMapper(mapper())
                                                             .revisionResolver(new CachedRevisions()));
    }

    /**
     * Axon's serializer resolves the stored type name of every event it reads with {@code Class.forName}: profiled
     * under load, ~6 % of the command-service's CPU when each command loaded a cart of ~50 events. A name once
     * resolved to a class always resolves to it in this class loader, so found classes are remembered (types that
     * are not found keep Axon's handling).
     */
    static final class CachingJacksonSerializer extends JacksonSerializer {

        private final ConcurrentMap<String, Class<?>> classes = new ConcurrentHashMap<>();

        CachingJacksonSerializer(Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            Class<?> known = classes.get(type.getName());
            if (known != null) {
                return known;
            }
            Class<?> found = super.classForType(type);
            if (found != UnknownSerializedType.class && found != Void.class) {
                classes.put(type.getName(), found);
            }
            return found;
        }
    }

    /** Axon reads a class's {@code @Revision} by reflection on every serialization; annotations never change. */
    static final class CachedRevisions implements RevisionResolver {

        private final RevisionResolver annotations = new AnnotationRevisionResolver();
        private final ClassValue<Optional<String>> revisions = new ClassValue<>() {
            @Override
            protected Optional<String> computeValue(Class<?> type) {
                return Optional.ofNullable(annotations.revisionOf(type));
            }
        };

        @Override
        public String revisionOf(Class<?> payloadType) {
            return revisions.get(payloadType).orElse(null);
        }
    }
}
