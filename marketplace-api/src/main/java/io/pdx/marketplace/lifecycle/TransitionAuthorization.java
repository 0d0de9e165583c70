package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.AuthzDecision;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A caller's transition authorized with one question to OPA ({@code data.pdx.authz.decision}) on the aggregate as it
 * is now: allowed, or refused as 404 when the caller may not even see it (the aggregate's own not-found, the same as
 * for one that does not exist), 403 when it may see it but not act, 403 naming the caller's organization when that
 * organization may not act at all, 401 without a token.
 */
@ApplicationScoped
public class TransitionAuthorization {

    private final OperationGuard guard;

    public TransitionAuthorization(OperationGuard guard) {
        this.guard = guard;
    }

    public Uni<Void> authorize(Subject subject, Transition<?> transition, StatefulEntity<?> aggregate) {
        return guard.decide(subject, transition.operation(), aggregate.asResource()).invoke(answer -> {
            AuthzDecision decision = answer.result();
            if (decision.allow()) {
                return;
            }
            boolean subjectRefused = OperationDenied.DENY_SUBJECT.equals(decision.outcome());
            if (!decision.visible() && subject.authenticated() && !subjectRefused) {
                throw aggregate.notFound();
            }
            throw new OperationDenied(transition.operation(),
                    new PolicyDecision(false, decision.outcome(), decision.reasons()), subject.authenticated());
        }).replaceWithVoid();
    }
}
