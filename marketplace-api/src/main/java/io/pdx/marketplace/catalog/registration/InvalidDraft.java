package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** A draft with invalid fields: 400 (its schema) or 422 (a rule beyond it), naming each. Nothing is written. */
public final class InvalidDraft extends ProblemException {

    public InvalidDraft(List<FieldError> errors) {
        this(400, errors);
    }

    /** 400 when the request breaks its schema, else 422 (a rule beyond it). */
    public InvalidDraft(io.pdx.marketplace.problem.FieldCheck check) {
        this(check.status(), check.errors());
    }

    private InvalidDraft(int status, List<FieldError> errors) {
        super(status, "invalid-request", "Invalid request / 请求无效",
                errors.size() + " field(s) of the dataset are invalid.", errors);
    }

    /** A rule beyond the request's schema: 422 naming the field. */
    static InvalidDraft rule(String field, String message) {
        return new InvalidDraft(new io.pdx.marketplace.problem.FieldCheck().rule(field, message));
    }
}
