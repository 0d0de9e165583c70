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
 * Text the API reads is text: a JSON number or boolean where a string is expected is refused (it was made a string), as
 * is a number where an enum's name is expected (it was taken as an ordinal), and
 * no text carries the NUL character: PostgreSQL cannot store it, and a request holding one used to end
 * in a 500. Such a string is refused as it is read (400 naming the field, {@link ProblemMappers}); the OpenAPI
 * document says so on every request string ({@code io.pdx.marketplace.openapi.ApiContract}).
 */
@Singleton
public class NulFreeText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("pdx-nul-free-text").addDeserializer(String.class, new Deserializer()));
        // an enum is one of its names: a number is not taken as an ordinal (tag 0 is not IDENTIFIER)
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /** A string holding NUL. */
    public static final class NulInText extends MismatchedInputException {
        NulInText(JsonParser parser) {
            super(parser, "text must not contain the NUL character", parser.currentLocation());
        }
    }

    /** A number or a boolean where text is expected. */
    public static final class NotText extends MismatchedInputException {
        NotText(JsonParser parser) {
            super(parser, "a string is expected", parser.currentLocation());
        }
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isScalarValue()
                    && parser.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                throw new NotText(parser); // a number or a boolean is not silently made text
            }
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulInText(parser);
            }
            return text;
        }
    }
}
