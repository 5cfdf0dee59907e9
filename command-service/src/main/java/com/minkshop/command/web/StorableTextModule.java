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
 * Refuses request bodies with text that PostgreSQL cannot store as it came. JSON may carry U+0000 ("\u0000") and
 * unpaired surrogates ("\ud800"), and the event store keeps them (the payload is bytes), but a text column refuses
 * U+0000, so the query side's views would fail on that event (and a processor that fails on an event holds every
 * event after it), and an unpaired surrogate reaches the views as '?'. Only the REST layer's mapper gets this module
 * (Spring Boot registers {@code Module} beans there); Axon's own mapper still reads every stored event.
 */
@Component
class StorableTextModule extends SimpleModule {

    StorableTextModule() {
        super("StorableText");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    /** Thrown for a text value that cannot be stored; Jackson adds the JSON path as it unwinds. */
    static final class UnstorableTextException extends JsonMappingException {

        UnstorableTextException(JsonParser parser, String problem) {
            super(parser, problem);
        }
    }

    /** What is wrong with the text, or null when PostgreSQL stores it as it is. */
    static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the character U+0000";
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                                 && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return "must not contain an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase() + ")";
                }
                i++;
            }
        }
        return null;
    }

    private static final class StorableStringDeserializer extends StdScalarDeserializer<String> {

        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : problem(text);
            if (problem != null) {
                throw new UnstorableTextException(parser, problem);
            }
            return text;
        }
    }
}
