package io.pdx.marketplace.security;

import io.pdx.contracts.policy.Subject;

/** Whether a caller acts for the bureau (a reviewer or the administrator): it sees every organization's records. */
public final class BureauRoles {

    private BureauRoles() {
    }

    public static boolean of(Subject subject) {
        return subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
    }
}
