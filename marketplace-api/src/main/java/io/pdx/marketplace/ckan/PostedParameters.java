package io.pdx.marketplace.ckan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The parameters a CKAN client POSTs: one JSON object (an empty body: none), each value of the JSON type its action
 * takes — a string, an integer, a boolean — as ckanapi sends them. Anything else is a 409 Validation Error naming
 * the parameter. Read back as the text the GET form of the action parses.
 */
final class PostedParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode object;

    private PostedParameters(JsonNode object) {
        this.object = object;
    }

    static PostedParameters of(String body) {
        if (body == null || body.isBlank()) {
            return new PostedParameters(JSON.createObjectNode());
        }
        try {
            JsonNode parsed = JSON.readTree(body);
            if (parsed != null && parsed.isObject()) {
                return new PostedParameters(parsed);
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw CkanError.validation("body", "must be a JSON object");
    }

    String string(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw CkanError.validation(name, "must be a string");
        }
        if (value.asText().indexOf('\u0000') >= 0) {
            throw CkanError.validation(name, "must not contain the NUL character");
        }
        return value.asText();
    }

    String integer(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw CkanError.validation(name, "Invalid integer");
        }
        return value.asText();
    }

    String bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw CkanError.validation(name, "Must be a boolean");
        }
        return value.asText();
    }

    /** The value of a parameter that is there; null when it is absent; a JSON null is not a value. */
    private JsonNode present(String name) {
        JsonNode value = object.get(name);
        if (value != null && value.isNull()) {
            throw CkanError.validation(name, "Missing value");
        }
        return value;
    }
}
