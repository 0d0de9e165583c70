package io.pdx.marketplace.licensing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pdx.contracts.policy.PolicyDecision;

/** What package {@code pdx.license} answers for an application: the decision and how many reviewers it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LicenseVerdict(PolicyDecision decision, @JsonProperty("reviewers_required") int reviewersRequired) {
}
