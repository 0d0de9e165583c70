package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.licensing.LicenseState.ACTIVE;
import static io.pdx.contracts.licensing.LicenseState.APPLIED;
import static io.pdx.contracts.licensing.LicenseState.APPROVED;
import static io.pdx.contracts.licensing.LicenseState.DENIED;
import static io.pdx.contracts.licensing.LicenseState.EXPIRED;
import static io.pdx.contracts.licensing.LicenseState.IN_REVIEW;
import static io.pdx.contracts.licensing.LicenseState.REJECTED;
import static io.pdx.contracts.licensing.LicenseState.REVOKED;
import static io.pdx.contracts.licensing.LicenseState.SUSPENDED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of a license. Accepting (the operator, APPROVED → ACTIVE) and resuming (the bureau,
 * SUSPENDED → ACTIVE) reach the same state with different rights: an operator cannot reactivate a suspended
 * license by accepting it again. The three outcomes of an application are the platform's (OPA decided).
 */
public enum LicenseTransition implements Transition<LicenseState> {
    AUTO_APPROVE(platform("apply", APPROVED, APPLIED)),
    SEND_TO_REVIEW(platform("apply", IN_REVIEW, APPLIED)),
    DENY(platform("apply", DENIED, APPLIED)),
    /** One reviewer's approval while more are required: the license stays IN_REVIEW. */
    RECORD_APPROVAL(caller("approve", IN_REVIEW, IN_REVIEW)),
    APPROVE(caller("approve", APPROVED, IN_REVIEW)),
    REJECT(caller("reject", REJECTED, IN_REVIEW)),
    ACCEPT(caller("accept", ACTIVE, APPROVED)),
    SUSPEND(caller("suspend", SUSPENDED, ACTIVE)),
    RESUME(caller("resume", ACTIVE, SUSPENDED)),
    REVOKE(caller("revoke", REVOKED, ACTIVE, SUSPENDED)),
    EXPIRE(platform("expire", EXPIRED, ACTIVE, SUSPENDED));

    private final Edge<LicenseState> edge;

    LicenseTransition(Edge<LicenseState> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<LicenseState> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "license";
    }
}
