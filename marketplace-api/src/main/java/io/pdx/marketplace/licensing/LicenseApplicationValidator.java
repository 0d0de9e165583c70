package io.pdx.marketplace.licensing;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.licensing.LicenseApplication;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.marketplace.problem.FieldCheck;

import java.util.List;

/**
 * The shape of an application, checked before the policy sees it: its schema ({@link LicenseApplication}'s
 * annotations, from the same constants) and the one rule beyond it, a term that does not end before it starts. What
 * the values mean — which purposes, modes, columns and terms are acceptable — is the policy's decision, not this class's.
 */
public final class LicenseApplicationValidator {

    static final int MAX_PURPOSE = LicenseApplication.MAX_PURPOSE;
    static final int MAX_COLUMNS = LicenseApplication.MAX_COLUMNS;

    private LicenseApplicationValidator() {
    }

    /** The application's problems; {@code purposes} are the purpose categories the policy knows. */
    public static List<FieldError> errors(LicenseApplication application, List<String> purposes) {
        return check(application, purposes).errors();
    }

    /** The application checked against its schema and its rule; {@code purposes} are the categories the policy knows. */
    public static FieldCheck check(LicenseApplication application, List<String> purposes) {
        FieldCheck check = new FieldCheck();
        if (application == null) {
            return check.schema("body", "an application is required");
        }
        if (application.productId() == null) {
            check.schema("productId", "is required");
        }
        if (application.purposeCategory() == null) {
            check.schema("purposeCategory", "is required");
        } else if (!purposes.contains(application.purposeCategory())) {
            check.schema("purposeCategory", "must be one of " + String.join(", ", purposes));
        }
        check.text("purposeText", application.purposeText(), true, false, MAX_PURPOSE);
        if (application.columns() == null || application.columns().isEmpty()) {
            check.schema("columns", "one or more column names");
        } else if (application.columns().size() > MAX_COLUMNS) {
            check.schema("columns", "at most " + MAX_COLUMNS + " columns");
        } else {
            for (int i = 0; i < application.columns().size(); i++) {
                check.pattern("columns[" + i + "]", application.columns().get(i), true, ColumnSpec.NAME,
                        "lower-case letters, digits and _, starting with a letter or _");
            }
        }
        check.oneOf("mode", application.mode(), LicenseMode.class, true);
        if (application.termStart() == null) {
            check.schema("termStart", "is required");
        }
        if (application.termEnd() == null) {
            check.schema("termEnd", "is required");
        } else if (application.termStart() != null && application.termEnd().isBefore(application.termStart())) {
            check.rule("termEnd", "must not be before termStart");
        }
        if (application.expectedVolume() != null && application.expectedVolume() < 0) {
            check.schema("expectedVolume", "must be 0 or more");
        }
        return check;
    }
}
