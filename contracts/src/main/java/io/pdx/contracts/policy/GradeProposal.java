package io.pdx.contracts.policy;

import io.pdx.contracts.Grade;

import java.util.List;

/**
 * The grade the policy proposes for a draft (GENERAL or IMPORTANT; CORE is the bureau's to decide) and why, each
 * reason with its zh and en message. The provider confirms or changes it; the formal review checks it.
 */
public record GradeProposal(Grade grade, List<PolicyDecision.Reason> reasons) {

    public GradeProposal {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
