package io.pdx.contracts.policy;

import java.util.List;

/**
 * The structured decision every package returns under {@code decision}:
 * {@code {"allow": …, "outcome": …, "reasons": [{"code", "message_zh", "message_en"}]}}.
 */
public record PolicyDecision(boolean allow, String outcome, List<Reason> reasons) {

    public PolicyDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public record Reason(String code, String message_zh, String message_en) {
    }
}
