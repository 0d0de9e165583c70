package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;

import java.util.List;

/** A query or path parameter with a value outside its domain: 400, naming the parameter. */
public final class InvalidParameter extends ProblemException {

    public InvalidParameter(String field, String message) {
        super(400, "invalid-request", "Invalid request / 请求无效", "The request has invalid fields.",
                List.of(new Problem.FieldError(field, message)));
    }
}
