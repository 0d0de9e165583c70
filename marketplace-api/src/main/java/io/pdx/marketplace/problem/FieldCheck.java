package io.pdx.marketplace.problem;

import io.pdx.contracts.Text;
import io.pdx.contracts.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors of a request body in two kinds: what its OpenAPI schema says (required fields, patterns, lengths,
 * bounds, enumerations — the record's {@code @Schema}, read from the same constants) and the rules beyond it that
 * the schema's description names (a check character, one date after another, a value that must exist). A request
 * that breaks its schema is a 400 naming every error; one that only breaks a rule is a 422: what the document calls
 * valid is never a 400.
 */
public final class FieldCheck {

    private final List<FieldError> schema = new ArrayList<>();
    private final List<FieldError> rules = new ArrayList<>();

    /** An error the schema describes. */
    public FieldCheck schema(String field, String message) {
        schema.add(new FieldError(field, message));
        return this;
    }

    /** An error of a rule beyond the schema. */
    public FieldCheck rule(String field, String message) {
        rules.add(new FieldError(field, message));
        return this;
    }

    public boolean valid() {
        return schema.isEmpty() && rules.isEmpty();
    }

    public boolean schemaValid() {
        return schema.isEmpty();
    }

    /** 400 when the schema is broken, else 422. */
    public int status() {
        return schema.isEmpty() ? 422 : 400;
    }

    /** Every error, the schema's first. */
    public List<FieldError> errors() {
        List<FieldError> all = new ArrayList<>(schema);
        all.addAll(rules);
        return all;
    }

    /**
     * A text field against its schema: required or not, {@link Text#NOT_BLANK} (or only {@link Text#NO_NUL} when
     * {@code blankAllowed}) and at most {@code max} characters.
     */
    public FieldCheck text(String field, String value, boolean required, boolean blankAllowed, int max) {
        if (value == null) {
            if (required) {
                schema(field, "is required");
            }
        } else if (Text.hasNul(value)) {
            schema(field, "must not contain the NUL character");
        } else if (!blankAllowed && Text.isBlank(value)) {
            schema(field, required ? "is required" : "must not be blank when given");
        } else if (Text.length(value) > max) {
            schema(field, "at most " + max + " characters");
        }
        return this;
    }

    /** A field against an anchored pattern of its record ({@link Text#matches}); {@code message} says what is allowed. */
    public FieldCheck pattern(String field, String value, boolean required, String pattern, String message) {
        if (value == null) {
            if (required) {
                schema(field, "is required");
            }
        } else if (!Text.matches(pattern, value)) {
            schema(field, message);
        }
        return this;
    }

    /** One of an enum's constants by name; null when missing or unknown (reported as a schema error if required). */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
        } else if (!required) {
            return null;
        }
        schema(field, "must be one of " + EnumParameter.allowed(type));
        return null;
    }
}
