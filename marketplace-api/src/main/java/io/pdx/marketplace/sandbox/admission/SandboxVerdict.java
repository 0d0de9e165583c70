package io.pdx.marketplace.sandbox.admission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.sandbox.PrivacyCost;

/**
 * The part of {@code data.pdx.sandbox} a job's admission reads: the decision, the controls of the job's
 * grade and the privacy cost to charge before the run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SandboxVerdict(PolicyDecision admission, ControlsResult controls, Charge charge) {

    /** ε in micro-units and δ in pico-units. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Charge(long epsilon_micros, long delta_picos) {
    }

    PrivacyCost cost() {
        return charge == null ? PrivacyCost.NONE : new PrivacyCost(charge.epsilon_micros(), charge.delta_picos());
    }
}
