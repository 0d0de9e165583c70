package io.pdx.marketplace.organization;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** The expected failures of the organization feature. */
final class OrganizationProblems {

    private OrganizationProblems() {
    }

    /** Fields that are well-formed JSON but not acceptable values: 422, naming each. */
    static final class InvalidOrganization extends ProblemException {
        InvalidOrganization(List<FieldError> errors) {
            super(422, "invalid-organization", "Invalid organization / 主体信息无效",
                    errors.size() + " field(s) of the organization are invalid.", errors);
        }
    }

    /** Missing, or not visible to the caller: both 404, so that existence does not leak. */
    static final class OrganizationNotFound extends ProblemException {
        OrganizationNotFound(String id) {
            super(404, "organization-not-found", "Organization not found / 主体不存在",
                    "No organization " + id + " is visible to you.");
        }
    }

    static final class OrganizationExists extends ProblemException {
        OrganizationExists(String field) {
            super(409, "duplicate-organization", "Organization already registered / 主体已登记",
                    "An organization with this " + field + " is already registered.",
                    List.of(new FieldError(field, "already registered")));
        }
    }
}
