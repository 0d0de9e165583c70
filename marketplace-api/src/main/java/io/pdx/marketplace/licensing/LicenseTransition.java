package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.marketplace.lifecycle.Transition;

import java.util.EnumSet;
import java.util.Set;

import static io.pdx.contracts.licensing.LicenseState.ACTIVE;
import static io.pdx.contracts.licensing.LicenseState.APPLIED;
import static io.pdx.contracts.licensing.LicenseState.APPROVED;
import static io.pdx.contracts.licensing.LicenseState.DENIED;
import static io.pdx.contracts.licensing.LicenseState.EXPIRED;
import static io.pdx.contracts.licensing.LicenseState.IN_REVIEW;
import static io.pdx.contracts.licensing.LicenseState.REJECTED;
import static io.pdx.contracts.licensing.LicenseState.REVOKED;
import static io.pdx.contracts.licensing.LicenseState.SUSPENDED;
import static io.pdx.marketplace.lifecycle.Transition.By.CALLER;
import static io.pdx.marketplace.lifecycle.Transition.By.PLATFORM;

/**
 * The named transitions of a license. Accepting (the operator, APPROVED → ACTIVE) and resuming (the bureau,
 * SUSPENDED → ACTIVE) reach the same state with different rights: an operator cannot reactivate a suspended
 * license by accepting it again. The three outcomes of an application are the platform's (OPA decided).
 */
public enum LicenseTransition implements Transition<LicenseState> {
    AUTO_APPROVE(PLATFORM, "apply", APPROVED, APPLIED),
    SEND_TO_REVIEW(PLATFORM, "apply", IN_REVIEW, APPLIED),
    DENY(PLATFORM, "apply", DENIED, APPLIED),
    /** One reviewer's approval while more are required: the license stays IN_REVIEW. */
    RECORD_APPROVAL(CALLER, "approve", IN_REVIEW, IN_REVIEW),
    APPROVE(CALLER, "approve", APPROVED, IN_REVIEW),
    REJECT(CALLER, "reject", REJECTED, IN_REVIEW),
    ACCEPT(CALLER, "accept", ACTIVE, APPROVED),
    SUSPEND(CALLER, "suspend", SUSPENDED, ACTIVE),
    RESUME(CALLER, "resume", ACTIVE, SUSPENDED),
    REVOKE(CALLER, "revoke", REVOKED, ACTIVE, SUSPENDED),
    EXPIRE(PLATFORM, "expire", EXPIRED, ACTIVE, SUSPENDED);

    private final By by;
    private final String verb;
    private final LicenseState target;
    private final Set<LicenseState> sources;

    LicenseTransition(By by, String verb, LicenseState target, LicenseState first, LicenseState... more) {
        this.by = by;
        this.verb = verb;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<LicenseState> sources() {
        return sources;
    }

    @Override
    public LicenseState target() {
        return target;
    }

    @Override
    public By by() {
        return by;
    }

    @Override
    public String kind() {
        return "license";
    }

    @Override
    public String verb() {
        return verb;
    }
}
