package io.pdx.marketplace.security;

import io.pdx.contracts.policy.AuthzDecision;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks OPA ({@code data.pdx.authz.decision}) whether a subject may perform an API operation on a
 * resource — roles, organization or department ownership, four-eyes — and refuses with 403
 * unless it says allow. The subject goes with its organization's standing read at this moment
 * ({@link OrganizationStanding}): a suspended organization's members are refused every operation by the policy.
 * OPA unreachable is a 503 (fail closed), never an allow.
 */
@ApplicationScoped
public class OperationGuard {

    static final String PATH = "pdx/authz/decision";

    private final PolicyClient policy;
    private final OrganizationStanding standing;

    public OperationGuard(PolicyClient policy, OrganizationStanding standing) {
        this.policy = policy;
        this.standing = standing;
    }

    /**
     * One question for a transition: whether {@code subject} may perform {@code operation} on {@code resource}, and
     * whether it may see it at all ({@link AuthzDecision#visible()}), so that the caller answers 404 or 403 without
     * asking OPA twice. Nothing is refused here.
     */
    public Uni<PolicyAnswer<AuthzDecision>> decide(Subject subject, String operation, AuthzInput.Resource resource) {
        return standing.of(subject).flatMap(standingSubject -> policy.evaluate(PATH,
                new AuthzInput(standingSubject, operation, resource), AuthzDecision.class));
    }

    public Uni<PolicyAnswer<PolicyDecision>> require(Subject subject, Operation operation, AuthzInput.Resource resource) {
        return require(subject, operation.policyName(), resource);
    }

    /** {@code operation} by its policy name: a transition's, which its table derives ({@code license.approve}). */
    public Uni<PolicyAnswer<PolicyDecision>> require(Subject subject, String operation, AuthzInput.Resource resource) {
        return standing.of(subject)
                .flatMap(standingSubject -> policy.evaluate(PATH, new AuthzInput(standingSubject, operation, resource),
                        PolicyDecision.class))
                .invoke(answer -> {
                    if (!answer.result().allow()) {
                        throw new OperationDenied(operation, answer.result(), subject.authenticated());
                    }
                });
    }
}
