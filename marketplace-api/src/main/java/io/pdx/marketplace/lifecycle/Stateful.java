package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.AuthzInput;

import java.util.Map;

/**
 * An aggregate whose state changes only through {@link Transition named transitions}, run by the
 * {@link TransitionKernel}. It knows how the policy sees it (with its current state), and the one shape its
 * audit events take.
 *
 * @param <S> its state enum, whose table of next states is the backstop of every move
 */
public interface Stateful<S extends Enum<S>> {

    S state();

    /**
     * Applies {@code transition}: checks the current state is one of its sources (else an
     * {@link io.pdx.marketplace.problem.IllegalTransition} naming the state and the transition), moves through the
     * state table, and stamps what the move stamps (times, actors).
     */
    void apply(Transition<S> transition, String actor);

    /** The resource as OPA's authorization reads it, with the current state. */
    AuthzInput.Resource asResource();

    /** The audit event's resource type, id and organization. */
    String auditType();

    Object auditId();

    String auditOrganization();

    /** One detail shape per aggregate; never a token or a data value. */
    Map<String, Object> auditDetail();
}
