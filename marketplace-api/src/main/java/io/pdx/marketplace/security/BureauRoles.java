package io.pdx.marketplace.security;

import io.pdx.contracts.policy.Subject;

/** Whether a caller acts for the bureau (a reviewer or the administrator) or oversees it (the regulator). */
public final class BureauRoles {

    private BureauRoles() {
    }

    public static boolean of(Subject subject) {
        return subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
    }

    /** The regulator (监管): reads across organizations, read-only (the policy grants it reads only), every read audited. */
    public static boolean regulator(Subject subject) {
        return subject.roles().contains("regulator");
    }

    /** Whether the caller reads every organization's records: the bureau, or the regulator. */
    public static boolean oversees(Subject subject) {
        return of(subject) || regulator(subject);
    }
}
