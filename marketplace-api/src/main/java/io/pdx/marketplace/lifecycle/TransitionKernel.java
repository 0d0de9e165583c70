package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a named transition, the one way any state of the platform changes: load the aggregate as the caller may
 * see it, authorize the transition's operation with the current state in OPA's input, apply it (source state
 * checked, moved through the table, stamped, plus what the caller changes with it), flush, audit in the same
 * transaction, and tell the listeners once it committed.
 */
@ApplicationScoped
public class TransitionKernel {

    private final OperationGuard guard;
    private final AuditLog audit;
    private final Instance<TransitionListener> listeners;

    public TransitionKernel(OperationGuard guard, AuditLog audit, Instance<TransitionListener> listeners) {
        this.guard = guard;
        this.audit = audit;
        this.listeners = listeners;
    }

    /** A caller's transition, in a transaction of its own. {@code load} answers 404 for what the caller may not see. */
    public <S extends Enum<S>, A extends Stateful<S>> Uni<A> run(Supplier<Uni<A>> load, Transition<S> transition,
                                                                Subject subject, Consumer<A> with) {
        return run(load, transition, subject, aggregate -> Uni.createFrom().voidItem(), with);
    }

    /**
     * A caller's transition with a step between authorization and the move ({@code prepare}: e.g. drawing a
     * certificate number, whose query flushes the session — before the aggregate changes).
     */
    public <S extends Enum<S>, A extends Stateful<S>> Uni<A> run(Supplier<Uni<A>> load, Transition<S> transition,
                                                                Subject subject, Function<A, Uni<?>> prepare, Consumer<A> with) {
        return Panache.withTransaction(() -> load.get().call(aggregate -> apply(aggregate, transition, subject, prepare, with)))
                .invoke(aggregate -> committed(aggregate, transition));
    }

    public <S extends Enum<S>, A extends Stateful<S>> Uni<A> run(Supplier<Uni<A>> load, Transition<S> transition, Subject subject) {
        return run(load, transition, subject, aggregate -> { });
    }

    /**
     * Applies a caller's transition within the caller's transaction: authorize, apply, flush, audit. The caller
     * tells the listeners after its commit ({@link #committed}).
     */
    public <S extends Enum<S>, A extends Stateful<S>> Uni<A> apply(A aggregate, Transition<S> transition, Subject subject,
                                                                  Consumer<A> with) {
        return apply(aggregate, transition, subject, ignored -> Uni.createFrom().voidItem(), with);
    }

    private <S extends Enum<S>, A extends Stateful<S>> Uni<A> apply(A aggregate, Transition<S> transition, Subject subject,
                                                                   Function<A, Uni<?>> prepare, Consumer<A> with) {
        Uni<?> authorized = transition.operation() == null ? Uni.createFrom().voidItem()
                : guard.require(subject, transition.operation(), aggregate.asResource());
        return authorized.call(allowed -> {
                    if (!transition.leavesFrom(aggregate.state())) {
                        return Uni.createFrom().voidItem(); // apply refuses it with the 409 below, before anything is prepared
                    }
                    return prepare.apply(aggregate);
                })
                .invoke(allowed -> {
                    aggregate.apply(transition, subject.user());
                    with.accept(aggregate);
                })
                .call(Panache::flush)
                .call(() -> audit.record(subject.user(), transition.auditAction(), aggregate.auditType(), aggregate.auditId(),
                        aggregate.auditOrganization(), null, aggregate.auditDetail()))
                .replaceWith(aggregate);
    }

    /** A transition the platform makes itself (no caller to authorize), within the caller's transaction. */
    public <S extends Enum<S>, A extends Stateful<S>> Uni<A> applyAsPlatform(A aggregate, Transition<S> transition, String actor,
                                                                            String decisionId, Consumer<A> with) {
        aggregate.apply(transition, actor);
        with.accept(aggregate);
        return audit.record(actor, transition.auditAction(), aggregate.auditType(), aggregate.auditId(),
                aggregate.auditOrganization(), decisionId, aggregate.auditDetail()).replaceWith(aggregate);
    }

    /** Tells the listeners; call it after the transaction that applied {@code transition} committed. */
    public void committed(Stateful<?> aggregate, Transition<?> transition) {
        listeners.forEach(listener -> listener.committed(aggregate, transition));
    }
}
