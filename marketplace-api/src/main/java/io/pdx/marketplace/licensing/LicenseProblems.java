package io.pdx.marketplace.licensing;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** The expected failures of licensing. */
final class LicenseProblems {

    private LicenseProblems() {
    }

    static final class InvalidApplication extends ProblemException {
        InvalidApplication(io.pdx.marketplace.problem.FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效",
                    check.errors().size() + " field(s) of the application are invalid.", check.errors());
        }
    }

    /** Missing, or of another organization: 404 alike. */
    static final class LicenseNotFound extends ProblemException {
        LicenseNotFound(UUID id) {
            super(404, "license-not-found", "License not found / 授权不存在", "No license " + id + " is visible to you.");
        }
    }

    static final class ProductNotFound extends ProblemException {
        ProductNotFound(UUID id) {
            super(404, "product-not-found", "Product not found / 数据产品不存在", "No product " + id + " is visible to you.",
                    List.of(new FieldError("productId", "no such product")));
        }
    }

    static final class AlreadyApproved extends ProblemException {
        AlreadyApproved(String reviewer) {
            super(409, "already-approved", "Already approved by you / 您已审批", reviewer
                    + " has approved this application already; a second approval must come from another reviewer.");
        }
    }
}
