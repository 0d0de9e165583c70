package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.security.Operation;

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

/**
 * The named transitions of a license. Accepting (the operator, APPROVED → ACTIVE) and resuming (the bureau,
 * SUSPENDED → ACTIVE) reach the same state with different rights: an operator cannot reactivate a suspended
 * license by accepting it again. The three outcomes of an application are the platform's (OPA decided).
 */
public enum LicenseTransition implements Transition<LicenseState> {
    AUTO_APPROVE(null, AuditAction.LICENSE_APPLY, APPROVED, APPLIED),
    SEND_TO_REVIEW(null, AuditAction.LICENSE_APPLY, IN_REVIEW, APPLIED),
    DENY(null, AuditAction.LICENSE_APPLY, DENIED, APPLIED),
    /** One reviewer's approval while more are required: the license stays IN_REVIEW. */
    RECORD_APPROVAL(Operation.LICENSE_APPROVE, AuditAction.LICENSE_APPROVE, IN_REVIEW, IN_REVIEW),
    APPROVE(Operation.LICENSE_APPROVE, AuditAction.LICENSE_APPROVE, APPROVED, IN_REVIEW),
    REJECT(Operation.LICENSE_REJECT, AuditAction.LICENSE_REJECT, REJECTED, IN_REVIEW),
    ACCEPT(Operation.LICENSE_ACCEPT, AuditAction.LICENSE_ACCEPT, ACTIVE, APPROVED),
    SUSPEND(Operation.LICENSE_SUSPEND, AuditAction.LICENSE_SUSPEND, SUSPENDED, ACTIVE),
    RESUME(Operation.LICENSE_RESUME, AuditAction.LICENSE_RESUME, ACTIVE, SUSPENDED),
    REVOKE(Operation.LICENSE_REVOKE, AuditAction.LICENSE_REVOKE, REVOKED, ACTIVE, SUSPENDED),
    EXPIRE(null, AuditAction.LICENSE_EXPIRE, EXPIRED, ACTIVE, SUSPENDED);

    private final Operation operation;
    private final AuditAction auditAction;
    private final LicenseState target;
    private final Set<LicenseState> sources;

    LicenseTransition(Operation operation, AuditAction auditAction, LicenseState target, LicenseState first, LicenseState... more) {
        this.operation = operation;
        this.auditAction = auditAction;
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
    public Operation operation() {
        return operation;
    }

    @Override
    public AuditAction auditAction() {
        return auditAction;
    }
}
