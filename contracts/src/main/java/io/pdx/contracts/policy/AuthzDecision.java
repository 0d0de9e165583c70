package io.pdx.contracts.policy;

import java.util.List;

/**
 * The answer of {@code data.pdx.authz.decision}: a {@link PolicyDecision} on the operation asked
 * ({@code allow}, {@code outcome} {@code ALLOW}, {@code DENY} or {@code DENY_SUBJECT}, {@code reasons}) and
 * {@code visible}, whether the same subject may perform {@code <resource.type>.read} on the same resource, decided
 * by the same rules (false when no such operation is configured). One question thus answers both "404 or not"
 * and "may it do this": a caller answers 403 naming the subject's organization on {@code DENY_SUBJECT} (where
 * {@code visible} is false too), 404 when {@code visible} is false, and otherwise follows {@code allow}.
 *
 * @param allow   true only for outcome {@code ALLOW}
 * @param outcome {@code ALLOW}, {@code DENY} or {@code DENY_SUBJECT}
 * @param reasons why not, each in both languages; empty when allowed
 * @param visible whether the subject may read the resource
 */
public record AuthzDecision(boolean allow, String outcome, List<PolicyDecision.Reason> reasons, boolean visible) {

    public AuthzDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
