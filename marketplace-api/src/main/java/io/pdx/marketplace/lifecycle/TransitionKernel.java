package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a named transition, the one way any state of the platform changes, in the current transaction or one of its
 * own: authorize a caller's transition with the aggregate as it is now (one OPA question, visibility folded in), check,
 * prepare, apply it (source state
 * checked, moved, stamped at the {@link Clock}'s time, plus what the caller changes with it), flush, audit in the same
 * transaction, run the transition's {@link TransitionHook hooks}, and tell the {@link TransitionListener listeners}
 * once the transaction that applied it committed — whoever opened it ({@link UnitOfWork}). Two entries, one per kind
 * of caller: {@link #run} for a caller, {@link #runAsPlatform} for the platform's own steps.
 */
@ApplicationScoped
public class TransitionKernel {

    private final TransitionAuthorization authorization;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Instance<TransitionHook> hooks;
    private final Instance<TransitionListener> listeners;

    public TransitionKernel(TransitionAuthorization authorization, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                            Instance<TransitionHook> hooks, Instance<TransitionListener> listeners) {
        this.authorization = authorization;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.hooks = hooks;
        this.listeners = listeners;
    }

    /**
     * A caller's transition, in the current transaction or one of its own. {@code load} finds the aggregate (404 when
     * there is none); one question to OPA, with the aggregate as it is now, decides both whether the caller may see it
     * (else the same 404) and whether it may take the transition (else 403).
     */
    public <S extends Enum<S>, A extends StatefulEntity<S>> Uni<A> run(Transition<S> transition, Subject subject,
                                                                      Supplier<Uni<A>> load, Change<? super A> change) {
        if (transition.by() != Transition.By.CALLER) {
            throw new IllegalArgumentException(transition.name() + " is the platform's");
        }
        return Panache.withTransaction(() -> load.get().call(aggregate -> authorization.authorize(subject, transition, aggregate)
                .invoke(() -> change.check().accept(aggregate))
                .call(() -> transition.leavesFrom(aggregate.state()) ? change.prepare().apply(aggregate)
                        : Uni.createFrom().voidItem()) // the move refuses it with a 409, before anything is prepared
                .call(() -> move(aggregate, transition, subject.user(), null, change))));
    }

    /**
     * A transition the platform takes itself (an admission OPA decided, a worker's step, an expiry, a follow-up of a
     * caller's transition): no caller to authorize; in the current transaction, which must exist.
     */
    public <S extends Enum<S>, A extends StatefulEntity<S>> Uni<A> runAsPlatform(Transition<S> transition, String actor,
                                                                                String decisionId, A aggregate,
                                                                                Change<? super A> change) {
        return change.prepare().apply(aggregate).flatMap(prepared -> move(aggregate, transition, actor, decisionId, change));
    }

    private <S extends Enum<S>, A extends StatefulEntity<S>> Uni<A> move(A aggregate, Transition<S> transition, String actor,
                                                                        String decisionId, Change<? super A> change) {
        aggregate.apply(transition, actor, OffsetDateTime.now(clock));
        change.with().accept(aggregate);
        return Panache.flush()
                .call(() -> audit.record(actor, transition.auditAction(), aggregate.auditType(), aggregate.auditId(),
                        aggregate.auditOrganization(), decisionId, aggregate.auditDetail()))
                .call(() -> runHooks(aggregate, transition))
                .call(() -> unitOfWork.afterCommit(() -> listeners.forEach(listener -> listener.committed(aggregate, transition))))
                .replaceWith(aggregate);
    }

    private Uni<Void> runHooks(StatefulEntity<?> aggregate, Transition<?> transition) {
        List<TransitionHook> following = hooks.stream().filter(hook -> hook.follows(transition)).toList();
        if (following.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(following).onItem().transformToUniAndConcatenate(hook -> hook.run(aggregate, transition))
                .collect().last().replaceWithVoid();
    }
}
