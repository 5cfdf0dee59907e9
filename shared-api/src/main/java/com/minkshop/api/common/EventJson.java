package com.minkshop.api.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

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
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }
}
