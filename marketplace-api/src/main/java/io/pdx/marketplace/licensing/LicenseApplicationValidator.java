package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.marketplace.problem.EnumParameter;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of an application, checked before the policy sees it. What the values mean — which
 * purposes, modes, columns and terms are acceptable — is the policy's decision, not this class's.
 */
public final class LicenseApplicationValidator {

    static final int MAX_PURPOSE = 2000;
    static final int MAX_COLUMNS = 500;

    private LicenseApplicationValidator() {
    }

    /** The application's problems; {@code purposes} are the purpose categories the policy knows. */
    public static List<FieldError> errors(LicenseApplication application, List<String> purposes) {
        List<FieldError> errors = new ArrayList<>();
        if (application == null) {
            errors.add(new FieldError("body", "an application is required"));
            return errors;
        }
        if (application.productId() == null) {
            errors.add(new FieldError("productId", "is required"));
        }
        if (application.purposeCategory() == null || application.purposeCategory().isBlank()) {
            errors.add(new FieldError("purposeCategory", "is required"));
        } else if (!purposes.contains(application.purposeCategory())) {
            errors.add(new FieldError("purposeCategory", "must be one of " + String.join(", ", purposes)));
        }
        if (application.purposeText() == null || application.purposeText().isBlank()) {
            errors.add(new FieldError("purposeText", "is required"));
        } else if (application.purposeText().length() > MAX_PURPOSE) {
            errors.add(new FieldError("purposeText", "at most " + MAX_PURPOSE + " characters"));
        }
        if (application.columns() == null || application.columns().isEmpty()
                || application.columns().stream().anyMatch(column -> column == null || column.isBlank())) {
            errors.add(new FieldError("columns", "one or more column names"));
        } else if (application.columns().size() > MAX_COLUMNS) {
            errors.add(new FieldError("columns", "at most " + MAX_COLUMNS + " columns"));
        }
        if (application.mode() == null || java.util.Arrays.stream(LicenseMode.values())
                .noneMatch(mode -> mode.name().equals(application.mode()))) {
            errors.add(new FieldError("mode", "must be one of " + EnumParameter.allowed(LicenseMode.class)));
        }
        if (application.termStart() == null) {
            errors.add(new FieldError("termStart", "is required"));
        }
        if (application.termEnd() == null) {
            errors.add(new FieldError("termEnd", "is required"));
        } else if (application.termStart() != null && application.termEnd().isBefore(application.termStart())) {
            errors.add(new FieldError("termEnd", "must not be before termStart"));
        }
        if (application.expectedVolume() != null && application.expectedVolume() < 0) {
            errors.add(new FieldError("expectedVolume", "must be 0 or more"));
        }
        return errors;
    }
}
