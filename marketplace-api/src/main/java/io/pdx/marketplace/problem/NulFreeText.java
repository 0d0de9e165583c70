package io.pdx.marketplace.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * No text the API reads carries the NUL character: PostgreSQL cannot store it, and a request holding one used to end
 * in a 500. Such a string is refused as it is read (400 naming the field, {@link ProblemMappers}); the OpenAPI
 * document says so on every request string ({@code io.pdx.marketplace.openapi.ApiContract}).
 */
@Singleton
public class NulFreeText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("pdx-nul-free-text").addDeserializer(String.class, new Deserializer()));
    }

    /** A string holding NUL. */
    public static final class NulInText extends MismatchedInputException {
        NulInText(JsonParser parser) {
            super(parser, "text must not contain the NUL character", parser.currentLocation());
        }
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulInText(parser);
            }
            return text;
        }
    }
}
