package io.pdx.marketplace.ckan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** The parameters a CKAN client POSTs: one JSON object (empty body: none); anything else is a 409 Validation Error. */
final class PostedParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PostedParameters() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException notJson) {
            // answered below
        }
        throw CkanError.validation("body", "must be a JSON object");
    }
}
