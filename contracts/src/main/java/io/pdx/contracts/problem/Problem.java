package io.pdx.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.pdx.contracts.policy.PolicyDecision;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} names the
 * fields of a request that failed validation; {@code reasons} carries machine-readable codes with
 * their Chinese and English messages (a policy's or the sandbox's). Never carries class names, SQL
 * or data values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
                      List<PolicyDecision.Reason> reasons) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pdx.example/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, List.of());
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public record FieldError(String field, String message) {
    }
}
