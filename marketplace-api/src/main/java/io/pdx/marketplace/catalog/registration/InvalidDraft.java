package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** A draft with invalid fields: 400, naming each. Nothing is written. */
public final class InvalidDraft extends ProblemException {

    public InvalidDraft(List<FieldError> errors) {
        super(400, "invalid-request", "Invalid request / 请求无效",
                errors.size() + " field(s) of the dataset are invalid.", errors);
    }
}
