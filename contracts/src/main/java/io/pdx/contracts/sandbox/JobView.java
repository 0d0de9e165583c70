package io.pdx.contracts.sandbox;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A sandbox job as its organization and the bureau see it: never the raw inputs. Until its result is
 * released, the job's requester sees its state and the privacy budget it was charged, nothing computed
 * from the data (no row count, no size, no timing of the run); the bureau sees what the output controls
 * left. A failure after the run read data is one and the same to the requester whatever its cause.
 *
 * @param sqlSha256        SHA-256 of the statement (regenerated from the validated tree)
 * @param sql              the statement regenerated from the validated tree
 * @param epsilon          ε charged to the organization's budget on the dataset (0 when refunded or reused)
 * @param delta            δ charged
 * @param budget           the organization's privacy budget on the dataset for the period, after this job
 *                         (grades with noise, single-job views); null otherwise
 * @param reusedFrom       the earlier job whose result this one shares (a repeated statement)
 * @param result           the result's summary, when the reader may see it
 * @param releaseReasons   why the release waits or was refused
 * @param failure          why the job failed, as problem+json
 * @param failureCause     what made a run that read data fail (bureau only)
 * @param startedAt        the bureau: when the run started; the requester: when the job's slot began
 * @param finishedAt       the bureau: when the run ended; the requester: when the slot ended (its outcome became visible)
 * @param expiresAt        until when the result can be downloaded
 * @param visibleAt        when the job's outcome is shown to its requester: the end of its slot, fixed at admission from
 *                         the statement and the sizes of the tables it reads, never their values; null for older jobs
 * @param version          the bureau: the job's version; the requester: 0 (its changes would tell the run's timing)
 * @param joinedLicenseIds the further licenses whose datasets the job joins with {@code licenseId}'s (a clean room)
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
        BigDecimal epsilon,
        BigDecimal delta,
        PrivacyBudget budget,
        UUID reusedFrom,
        ResultSummary result,
        List<PolicyDecision.Reason> releaseReasons,
        String reviewedBy,
        String reviewNote,
        Problem failure,
        String failureCause,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime visibleAt,
        long version,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "Further licenses whose datasets the job joins (a clean room); empty for a job over one license / 净室作业联合的其他许可") List<UUID> joinedLicenseIds,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The organization's own tables the job joins; empty when none / 作业联合的自有数据表") List<UUID> tableIds,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The transitions this caller may take on this resource now (the endpoint's last path segment), as the policy and the state machine allow / 当前调用者此刻可执行的操作") java.util.List<String> actions) {

    public JobView {
        joinedLicenseIds = joinedLicenseIds == null ? List.of() : List.copyOf(joinedLicenseIds);
        tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
        actions = actions == null ? java.util.List.of() : java.util.List.copyOf(actions);
    }

    /** The same view offering {@code actions} to its caller. */
    public JobView withActions(java.util.List<String> actions) {
        return new JobView(id, licenseId, organization, submittedBy, templateId, state, sqlSha256, sql, grade, epsilon, delta, budget, reusedFrom, result, releaseReasons, reviewedBy, reviewNote, failure, failureCause, createdAt, startedAt, finishedAt, expiresAt, visibleAt, version, joinedLicenseIds, tableIds, actions);
    }

}
