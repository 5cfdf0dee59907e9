package com.minkshop.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Refuses request bodies whose text contains U+0000. JSON may carry it ("\u0000") and the event store keeps it (the
 * payload is bytes), but PostgreSQL cannot store it in a text column: the query side's views would fail on that
 * event, and a processor that fails on an event holds every event after it. Only the REST layer's mapper gets this
 * module (Spring Boot registers {@code Module} beans there); Axon's own mapper still reads every stored event.
 */
@Component
class NulFreeTextModule extends SimpleModule {

    NulFreeTextModule() {
        super("NulFreeText");
        addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    /** Thrown for a text value with U+0000; Jackson adds the JSON path as it unwinds. */
    static final class NulCharacterException extends JsonMappingException {

        NulCharacterException(JsonParser parser) {
            super(parser, "text must not contain the character U+0000");
        }
    }

    private static final class NulFreeStringDeserializer extends StdScalarDeserializer<String> {

        NulFreeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser);
            }
            return text;
        }
    }
}
