package io.pdx.contracts.licensing;

import io.pdx.contracts.policy.PolicyDecision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A license as the API shows it: the application, the policy's decision (with its reasons in
 * Chinese and English and OPA's decision id), the reviews, and the contract's SHA-256.
 */
public record LicenseView(UUID id, String organization, UUID productId, UUID datasetId, String applicant,
                          String purposeCategory, String purposeText, List<String> columns, String mode,
                          LocalDate termStart, LocalDate termEnd, Long expectedVolume, LicenseState state,
                          String decisionOutcome, List<PolicyDecision.Reason> decisionReasons, String decisionId,
                          int reviewersRequired, List<String> approvedBy, String rejectedBy, String rejectReason,
                          String contractSha256, String acceptedBy, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt, long lockVersion,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The transitions this caller may take on this resource now (the endpoint's last path segment), as the policy and the state machine allow / 当前调用者此刻可执行的操作") java.util.List<String> actions) {

    public LicenseView {
        actions = actions == null ? java.util.List.of() : java.util.List.copyOf(actions);
    }

    /** The same view offering {@code actions} to its caller. */
    public LicenseView withActions(java.util.List<String> actions) {
        return new LicenseView(id, organization, productId, datasetId, applicant, purposeCategory, purposeText, columns, mode, termStart, termEnd, expectedVolume, state, decisionOutcome, decisionReasons, decisionId, reviewersRequired, approvedBy, rejectedBy, rejectReason, contractSha256, acceptedBy, createdAt, updatedAt, lockVersion, actions);
    }

}
