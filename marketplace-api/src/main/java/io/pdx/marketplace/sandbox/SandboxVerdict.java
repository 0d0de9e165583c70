package io.pdx.marketplace.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.PolicyDecision;

/**
 * The part of {@code data.pdx.sandbox} a job's admission reads: the decision, the controls of the
 * job's grade and the ε to charge before the run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SandboxVerdict(PolicyDecision admission, ControlsResult controls, double epsilon_charge) {
}
