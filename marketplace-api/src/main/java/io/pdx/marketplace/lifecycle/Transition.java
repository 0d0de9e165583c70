package io.pdx.marketplace.lifecycle;

import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.security.Operation;

import java.util.Set;

/**
 * A named transition of an aggregate: the states it leaves from, the state it reaches, the operation OPA
 * authorizes (null for a transition only the platform makes: an expiry, a worker's step) and the audit action.
 * Two transitions may reach the same state with different rights — an operator's accept (APPROVED → ACTIVE)
 * and the bureau's resume (SUSPENDED → ACTIVE).
 */
public interface Transition<S extends Enum<S>> {

    String name();

    Set<S> sources();

    S target();

    Operation operation();

    AuditAction auditAction();

    default boolean leavesFrom(S state) {
        return sources().contains(state);
    }
}
