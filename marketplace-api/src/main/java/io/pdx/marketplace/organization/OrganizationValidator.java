package io.pdx.marketplace.organization;

import io.pdx.contracts.identity.Uscc;
import io.pdx.contracts.organization.OrganizationRequest;
import io.pdx.contracts.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every field of an organization's registration, checked at once; errors name the fields. */
public final class OrganizationValidator {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,28}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private OrganizationValidator() {
    }

    public static List<FieldError> errors(OrganizationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", request.name(), 200);
        if (request.uscc() == null || request.uscc().length() != Uscc.LENGTH) {
            errors.add(new FieldError("uscc", "统一社会信用代码 has 18 characters"));
        } else if (!Uscc.isValid(request.uscc())) {
            errors.add(new FieldError("uscc", "not a valid 统一社会信用代码: wrong symbol or check character (GB 32100-2015)"));
        }
        text(errors, "legalRepresentative", request.legalRepresentative(), 100);
        text(errors, "contactName", request.contactName(), 100);
        if (request.contactPhone() == null || !PHONE.matcher(request.contactPhone()).matches()) {
            errors.add(new FieldError("contactPhone", "digits, spaces and dashes, 6 to 30 characters"));
        }
        if (request.contactEmail() == null || request.contactEmail().length() > 200
                || !EMAIL.matcher(request.contactEmail()).matches()) {
            errors.add(new FieldError("contactEmail", "must be an e-mail address"));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }
}
