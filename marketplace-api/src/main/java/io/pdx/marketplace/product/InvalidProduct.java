package io.pdx.marketplace.product;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** A product request with invalid fields: 400, naming each. Nothing is written. */
public final class InvalidProduct extends ProblemException {

    public InvalidProduct(List<FieldError> errors) {
        super(400, "invalid-request", "Invalid request / 请求无效",
                errors.size() + " field(s) of the product are invalid.", errors);
    }

    /** 400 when the request breaks its schema, else 422 (a rule beyond it). */
    public InvalidProduct(io.pdx.marketplace.problem.FieldCheck check) {
        super(check.status(), "invalid-request", "Invalid request / 请求无效",
                check.errors().size() + " field(s) of the product are invalid.", check.errors());
    }

    static InvalidProduct of(String field, String message) {
        return new InvalidProduct(List.of(new FieldError(field, message)));
    }
}
