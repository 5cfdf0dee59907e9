package com.minkshop.command.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON format of everything Axon stores. The query-service reads the event store with exactly this mapper
 * configuration, so it must change only together with that side (and with upcasters for stored events).
 * <p>
 * The mapper is deliberately not a Spring bean: Axon would otherwise pick up Spring MVC's mapper, and every
 * {@code spring.jackson.*} tweak for the REST API would silently change the stored event format.
 */
public final class AxonJson {

    private AxonJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .build();
    }

    /** A serializer with its own mapper: Axon registers modules on the mapper it is given. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
