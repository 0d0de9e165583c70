package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.persistence.TimestampedEntity;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An aggregate whose state changes only through {@link Transition named transitions}, which the
 * {@link TransitionKernel} applies: its state field is private to it, and {@link #apply} — package-private, so the
 * kernel alone calls it — is the one place any state moves. A subclass says how to set its state column
 * ({@link #enter}), what a transition stamps besides the state ({@link #stamp}), how OPA sees it and the one shape of
 * its audit events.
 *
 * @param <S> its state enum
 */
@MappedSuperclass
public abstract class StatefulEntity<S extends Enum<S>> extends TimestampedEntity {

    public abstract S state();

    /** Sets the state column; {@link #apply} alone calls it. */
    protected abstract void enter(S state);

    /** What {@code transition} stamps besides the state (who, when); nothing by default. */
    protected void stamp(Transition<S> transition, String actor, OffsetDateTime now) {
    }

    /**
     * Applies {@code transition}: the current state must be one of its sources (else a 409 naming the state and the
     * transition), then the state moves to its target and the transition's stamps are set.
     */
    final void apply(Transition<S> transition, String actor, OffsetDateTime now) {
        if (!transitions().contains(transition)) {
            throw new IllegalArgumentException(transition.name() + " is not a transition of " + label());
        }
        if (!transition.leavesFrom(state())) {
            throw IllegalTransition.of(label(), auditId(), state(), transition);
        }
        enter(transition.target());
        stamp(transition, actor, now);
    }

    /** The aggregate's name in a problem's detail, e.g. {@code License}. */
    protected abstract String label();

    /** The 404 a caller who may not see this aggregate is answered (the same as for one that does not exist). */
    public abstract ProblemException notFound();

    /** Every transition of the aggregate, its table. */
    public abstract List<? extends Transition<S>> transitions();

    /** The caller's transitions that leave from the current state (what the API may offer, policy permitting). */
    public List<Transition<S>> offered() {
        return transitions().stream().filter(transition -> transition.by() == Transition.By.CALLER
                && transition.leavesFrom(state())).map(transition -> (Transition<S>) transition).toList();
    }

    /** The resource as OPA's authorization reads it. */
    public abstract AuthzInput.Resource asResource();

    /** The audit event's resource type, id and organization. */
    public abstract String auditType();

    public abstract Object auditId();

    public abstract String auditOrganization();

    /** One detail shape per aggregate; never a token or a data value. */
    public abstract Map<String, Object> auditDetail();
}
