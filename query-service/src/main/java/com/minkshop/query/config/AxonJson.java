package com.minkshop.query.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The JSON format of the event store. It must match the command-service's serializer byte for byte in meaning, and
 * it is deliberately not a Spring bean so that web settings ({@code spring.jackson.*}) can never change it.
 */
public final class AxonJson {

    private AxonJson() {
    }

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .build();
    }

    public static JacksonSerializer newSerializer() {
        // each serializer gets its own mapper because JacksonSerializer registers modules on the one it is given
        return JacksonSerializer.builder().objectMapper(newMapper()).build();
    }
}
