package io.pdx.marketplace.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failed action as CKAN answers it: {@code {"success": false, "error": {"__type": …, "message" | field: [messages]}}}
 * with CKAN's status (404 Not Found Error, 409 Validation Error, 400 for an unknown action), so that CKAN clients
 * raise what they raise against CKAN ({@code ckanapi.NotFound}, {@code ckanapi.ValidationError}).
 */
final class CkanError extends RuntimeException {

    final int status;
    final Map<String, Object> error;

    private CkanError(int status, Map<String, Object> error) {
        super(String.valueOf(error.get("__type")), null, false, false);
        this.status = status;
        this.error = error;
    }

    static CkanError notFound() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Not Found Error");
        error.put("message", "Not found");
        return new CkanError(404, error);
    }

    static CkanError validation(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.put(field, List.of(message));
        return new CkanError(409, error);
    }

    static CkanError unknownAction(String action) {
        return new CkanError(400, Map.of("__type", "Bad Request", "message", "Bad request - Action name not known: " + action));
    }
}
