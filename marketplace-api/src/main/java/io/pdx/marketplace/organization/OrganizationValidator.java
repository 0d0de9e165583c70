package io.pdx.marketplace.organization;

import io.pdx.contracts.identity.Uscc;
import io.pdx.contracts.organization.OrganizationRequest;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.FieldCheck;

import java.util.List;

/**
 * Every field of an organization's registration, checked at once against {@link OrganizationRequest}'s schema (the
 * same constants) and the check character of the USCC; errors name the fields. The API answers all of them with
 * 422 (well-formed JSON, values not acceptable), as it always has for organizations.
 */
public final class OrganizationValidator {

    private OrganizationValidator() {
    }

    public static List<FieldError> errors(OrganizationRequest request) {
        FieldCheck check = new FieldCheck();
        check.text("name", request.name(), true, false, OrganizationRequest.MAX_NAME);
        if (request.uscc() == null || !io.pdx.contracts.Text.matches(Uscc.PATTERN, request.uscc())) {
            check.schema("uscc", "统一社会信用代码 has 18 characters");
        } else if (!Uscc.isValid(request.uscc())) {
            check.rule("uscc", "not a valid 统一社会信用代码: wrong symbol or check character (GB 32100-2015)");
        }
        check.text("legalRepresentative", request.legalRepresentative(), true, false, OrganizationRequest.MAX_PERSON);
        check.text("contactName", request.contactName(), true, false, OrganizationRequest.MAX_PERSON);
        check.pattern("contactPhone", request.contactPhone(), true, OrganizationRequest.PHONE,
                "digits, spaces and dashes, 6 to 30 characters");
        if (request.contactEmail() == null || io.pdx.contracts.Text.length(request.contactEmail()) > OrganizationRequest.MAX_EMAIL
                || !io.pdx.contracts.Text.matches(OrganizationRequest.EMAIL, request.contactEmail())) {
            check.schema("contactEmail", "must be an e-mail address");
        }
        return check.errors();
    }
}
