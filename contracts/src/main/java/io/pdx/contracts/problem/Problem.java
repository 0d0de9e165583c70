package io.pdx.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.pdx.contracts.policy.PolicyDecision;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code errors} names the
 * fields of a request that failed validation; {@code reasons} carries machine-readable codes with
 * their Chinese and English messages (a policy's or the sandbox's); {@code code} is the problem type's last segment,
 * stable for clients to switch on. Never carries class names, SQL
 * or data values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String code, String title, int status, String detail, String instance,
                      List<FieldError> errors, List<PolicyDecision.Reason> reasons) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pdx.example/problems/";

    public Problem {
        code = code == null && type != null ? slugOf(type) : code;
        errors = errors == null ? List.of() : List.copyOf(errors);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, null, title, status, detail, instance, errors, List.of());
    }

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
                   List<PolicyDecision.Reason> reasons) {
        this(type, null, title, status, detail, instance, errors, reasons);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The last segment of a problem type: {@code https://pdx.example/problems/invalid-request} → {@code invalid-request}. */
    static String slugOf(URI type) {
        String text = type.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    public record FieldError(String field, String message) {
    }
}
