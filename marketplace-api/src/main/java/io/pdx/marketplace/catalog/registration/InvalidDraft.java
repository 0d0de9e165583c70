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
        this(status, errors, "dataset");
    }

    private InvalidDraft(int status, List<FieldError> errors, String what) {
        super(status, "invalid-request", "Invalid request / 请求无效",
                errors.size() + " field(s) of the " + what + " are invalid / " + errors.size() + " 个字段无效.", errors);
    }

    /** An objection, an answer or an upload with invalid fields, named as what it is. */
    static InvalidDraft of(String what, io.pdx.marketplace.problem.FieldCheck check) {
        return new InvalidDraft(check.status(), check.errors(), what);
    }

    /** A rule beyond the request's schema: 422 naming the field. */
    static InvalidDraft rule(String field, String message) {
        return new InvalidDraft(new io.pdx.marketplace.problem.FieldCheck().rule(field, message));
    }
}
