package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.security.Operation;

import java.util.EnumSet;
import java.util.Set;

import static io.pdx.contracts.catalog.RegistrationStatus.DRAFT;
import static io.pdx.contracts.catalog.RegistrationStatus.REGISTERED;
import static io.pdx.contracts.catalog.RegistrationStatus.RETURNED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUBMITTED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUPERSEDED;

/**
 * The named transitions of a dataset version's registration (登记): the provider submits a draft (or a returned
 * one), the bureau registers it or returns it with reasons; registering a version supersedes the one registered
 * before it (the platform's move).
 */
public enum RegistrationTransition implements Transition<RegistrationStatus> {
    SUBMIT(Operation.DATASET_SUBMIT, AuditAction.DATASET_SUBMIT, SUBMITTED, DRAFT, RETURNED),
    REGISTER(Operation.DATASET_REGISTER, AuditAction.DATASET_REGISTER, REGISTERED, SUBMITTED),
    RETURN(Operation.DATASET_RETURN, AuditAction.DATASET_RETURN, RETURNED, SUBMITTED),
    SUPERSEDE(null, AuditAction.DATASET_SUPERSEDE, SUPERSEDED, REGISTERED);

    private final Operation operation;
    private final AuditAction auditAction;
    private final RegistrationStatus target;
    private final Set<RegistrationStatus> sources;

    RegistrationTransition(Operation operation, AuditAction auditAction, RegistrationStatus target, RegistrationStatus first,
                           RegistrationStatus... more) {
        this.operation = operation;
        this.auditAction = auditAction;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<RegistrationStatus> sources() {
        return sources;
    }

    @Override
    public RegistrationStatus target() {
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
