package io.pdx.marketplace.security;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.marketplace.problem.ProblemException;

import java.util.stream.Collectors;

/**
 * The policy refused an operation: 403 (401 without a token), with the policy's reasons in Chinese and English.
 * A refusal of the subject itself (outcome {@code DENY_SUBJECT}: its organization is suspended) stays a 403 naming
 * it wherever other refusals are answered 404 to hide a resource.
 */
public final class OperationDenied extends ProblemException {

    public static final String DENY_SUBJECT = "DENY_SUBJECT";

    private final boolean subjectRefused;

    public OperationDenied(String operation, PolicyDecision decision, boolean authenticated) {
        super(authenticated ? 403 : 401, authenticated ? "forbidden" : "unauthorized",
                authenticated ? "Forbidden / 无权访问" : "Authentication required / 需要登录",
                "Operation " + operation + " refused: "
                + decision.reasons().stream()
                .map(reason -> reason.code() + " (" + reason.message_zh() + " / " + reason.message_en() + ")")
                .collect(Collectors.joining("; ")), java.util.List.of(), decision.reasons());
        this.subjectRefused = DENY_SUBJECT.equals(decision.outcome());
    }

    /** Whether the policy refused the caller (its organization's standing), not the caller's access to a resource. */
    public boolean subjectRefused() {
        return subjectRefused;
    }
}
