package io.pdx.marketplace.security;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.marketplace.problem.ProblemException;

import java.util.stream.Collectors;

/** The policy refused an operation: 403 (401 without a token), with the policy's reasons in Chinese and English. */
public final class OperationDenied extends ProblemException {

    public OperationDenied(String operation, PolicyDecision decision, boolean authenticated) {
        super(authenticated ? 403 : 401, authenticated ? "forbidden" : "unauthorized",
                authenticated ? "Forbidden / 无权访问" : "Authentication required / 需要登录",
                "Operation " + operation + " refused: "
                + decision.reasons().stream()
                .map(reason -> reason.code() + " (" + reason.message_zh() + " / " + reason.message_en() + ")")
                .collect(Collectors.joining("; ")), java.util.List.of(), decision.reasons());
    }
}
