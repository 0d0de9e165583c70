package io.pdx.contracts.sandbox;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sandbox job as its organization and the bureau see it: never the raw inputs, only what the
 * output controls left (row count, suppressed groups, ε spent).
 *
 * @param sqlSha256        SHA-256 of the statement that ran (regenerated from the validated tree)
 * @param sql              the statement that ran, regenerated; shown to the job's organization and the bureau
 * @param result           what the output controls produced, once the run succeeded
 * @param releaseReasons   why the release waits or was refused
 * @param failure          why the job failed, as problem+json
 */
public record JobView(
        UUID id,
        UUID licenseId,
        String organization,
        String submittedBy,
        String templateId,
        JobState state,
        String sqlSha256,
        String sql,
        String grade,
        double epsilonCharged,
        UUID reusedFrom,
        RunSummary result,
        List<PolicyDecision.Reason> releaseReasons,
        String reviewedBy,
        String reviewNote,
        Problem failure,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime expiresAt,
        long version) {
}
