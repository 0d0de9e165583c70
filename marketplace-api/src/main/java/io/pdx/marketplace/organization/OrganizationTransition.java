package io.pdx.marketplace.organization;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.security.Operation;

import java.util.EnumSet;
import java.util.Set;

import static io.pdx.contracts.organization.OrganizationStatus.SUSPENDED;
import static io.pdx.contracts.organization.OrganizationStatus.UNVERIFIED;
import static io.pdx.contracts.organization.OrganizationStatus.VERIFIED;

/**
 * The named transitions of an operator organization. Verifying (a reviewer, UNVERIFIED → VERIFIED) and
 * reinstating (the bureau's administrator, SUSPENDED → VERIFIED) reach the same state with different rights.
 */
public enum OrganizationTransition implements Transition<OrganizationStatus> {
    VERIFY(Operation.ORGANIZATION_VERIFY, AuditAction.ORGANIZATION_VERIFY, VERIFIED, UNVERIFIED),
    SUSPEND(Operation.ORGANIZATION_SUSPEND, AuditAction.ORGANIZATION_SUSPEND, SUSPENDED, VERIFIED),
    REINSTATE(Operation.ORGANIZATION_REINSTATE, AuditAction.ORGANIZATION_REINSTATE, VERIFIED, SUSPENDED);

    private final Operation operation;
    private final AuditAction auditAction;
    private final OrganizationStatus target;
    private final Set<OrganizationStatus> sources;

    OrganizationTransition(Operation operation, AuditAction auditAction, OrganizationStatus target, OrganizationStatus first,
                           OrganizationStatus... more) {
        this.operation = operation;
        this.auditAction = auditAction;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<OrganizationStatus> sources() {
        return sources;
    }

    @Override
    public OrganizationStatus target() {
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
