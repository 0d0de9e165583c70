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
                          OffsetDateTime updatedAt, long lockVersion) {
}
