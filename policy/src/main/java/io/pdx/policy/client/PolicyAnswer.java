package io.pdx.policy.client;

/**
 * A policy result with the id OPA gave the decision (present when decision logging is on),
 * so that the audit record can point at OPA's own log entry.
 */
public record PolicyAnswer<T>(String decisionId, T result) {
}
