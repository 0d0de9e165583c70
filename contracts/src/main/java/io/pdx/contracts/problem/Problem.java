package io.pdx.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} names the
 * fields of a request that failed validation. Never carries class names, SQL or data values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pdx.example/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public record FieldError(String field, String message) {
    }
}
