package io.pdx.marketplace.problem;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;

import java.util.List;

/**
 * An expected failure of a feature, rendered as RFC 9457 problem+json. Features subclass it
 * with their own problem types; the message is safe to show (no data values, no SQL).
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final List<PolicyDecision.Reason> reasons;

    protected ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    protected ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, List.of());
    }

    protected ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                               List<PolicyDecision.Reason> reasons) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.reasons = List.copyOf(reasons);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors, reasons);
    }

    public int status() {
        return status;
    }
}
