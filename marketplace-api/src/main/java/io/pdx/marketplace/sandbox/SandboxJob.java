package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.problem.ProblemException;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.JobView;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.contracts.sandbox.PrivacyCost;
import io.pdx.contracts.sandbox.ResultSummary;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.contracts.Grade;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A sandbox job. Its state changes only through a named {@link JobTransition}. The ε and δ charged at admission stay charged
 * once the run may have read data — a run that failed after reading still answered a question — and are
 * given back ({@link #refund}) only when it never did: refused, cancelled while queued, runner unreachable.
 */
@Entity
@Table(name = "sandbox_job")
public class SandboxJob extends StatefulEntity<JobState> {

    @Id
    public UUID id;
    @Column(name = "license_id")
    public UUID licenseId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    public String organization;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "template_id")
    public String templateId;
    /** What the developer sent; kept for the audit trail, never run. */
    @Column(name = "submitted_sql")
    public String submittedSql;
    /** The statement regenerated from the validated tree: what runs. */
    @Column(name = "sql_text")
    public String sql;
    @Column(name = "sql_sha256")
    public String sqlSha256;
    @Enumerated(EnumType.STRING)
    public Grade grade;
    @Enumerated(EnumType.STRING)
    private JobState state = JobState.QUEUED;
    @Column(name = "epsilon_micros")
    public long epsilonMicros;
    @Column(name = "delta_picos")
    public long deltaPicos;
    public boolean refunded;
    @Column(name = "reused_from")
    public UUID reusedFrom;
    @JdbcTypeCode(SqlTypes.JSON)
    public ControlsResult controls;
    @Column(name = "admission_id")
    public String admissionId;
    @Column(name = "release_id")
    public String releaseId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "release_reasons")
    public Reasons releaseReasons = new Reasons(List.of());
    @JdbcTypeCode(SqlTypes.JSON)
    public RunSummary summary;
    @JdbcTypeCode(SqlTypes.JSON)
    public Problem failure;
    /** What made a run that read data fail; the bureau's to see, never the requester's. */
    @Column(name = "failure_cause")
    public String failureCause;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "review_note")
    public String reviewNote;
    public int attempt;
    /** The instance running the job, and until when its lease holds (renewed while it runs). */
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    /** When its result was released or rejected, by a reviewer or by the policy at once (效能评估). */
    @Column(name = "release_decided_at")
    public OffsetDateTime releaseDecidedAt;
    /** When the job's slot begins: its requester sees it start then, and it runs no earlier. */
    @Column(name = "slot_start")
    public OffsetDateTime slotStart;
    /** When the job's slot ends: its outcome is shown to its requester then, never earlier (its run is stopped before). */
    @Column(name = "visible_at")
    public OffsetDateTime visibleAt;
    /** Whether its call was metered (once its outcome was visible) and whether its released rows were, or never will be. */
    @Column(name = "metered_call")
    public boolean meteredCall;
    @Column(name = "metered_rows")
    public boolean meteredRows;
    @Version
    public long version;

    /** A JSON object rather than a top-level array: Hibernate Reactive maps those both ways. */
    public record Reasons(List<PolicyDecision.Reason> reasons) {
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    protected void enter(JobState next) {
        state = next;
    }

    @Override
    protected String label() {
        return "Sandbox job";
    }

    @Override
    public ProblemException notFound() {
        return new JobProblems.JobNotFound(id);
    }

    @Override
    public List<JobTransition> transitions() {
        return List.of(JobTransition.values());
    }

    @Override
    protected void stamp(Transition<JobState> transition, String actor, OffsetDateTime now) {
        switch ((JobTransition) transition) {
            case START -> {
                startedAt = now;
                attempt++;
            }
            case SUCCEED, FAIL, CANCEL -> {
                finishedAt = now;
                leaseOwner = null;
                leaseUntil = null;
            }
            case RELEASE, REJECT -> {
                reviewedBy = actor;
                releaseDecidedAt = now;
            }
            case POLICY_REJECT -> {
                reviewedBy = "policy";
                releaseDecidedAt = now;
            }
            case AUTO_RELEASE -> releaseDecidedAt = now;
            default -> { }
        }
    }

    @Override
    public AuthzInput.Resource asResource() {
        return resource(id, organization, submittedBy, state);
    }

    /** A job as OPA's authorization reads it (from the entity, or from the view its caller is shown). */
    public static AuthzInput.Resource resource(UUID id, String organization, String submittedBy, JobState state) {
        return new AuthzInput.Resource("job", id == null ? null : id.toString(), organization, null, submittedBy,
                state == null ? null : state.name());
    }

    @Override
    public String auditType() {
        return "sandbox_job";
    }

    @Override
    public Object auditId() {
        return id;
    }

    @Override
    public String auditOrganization() {
        return organization;
    }

    /** The one detail shape of a job's audit events: never a value computed from the data. */
    @Override
    public Map<String, Object> auditDetail() {
        Map<String, Object> detail = new TreeMap<>();
        detail.put("state", state.name());
        detail.put("sqlSha256", sqlSha256);
        detail.put("licenseId", String.valueOf(licenseId));
        detail.put("epsilonMicros", epsilonMicros);
        detail.put("deltaPicos", deltaPicos);
        detail.put("refunded", refunded);
        detail.put("reusedFrom", String.valueOf(reusedFrom));
        detail.put("failure", failure == null || failure.reasons().isEmpty() ? "" : failure.reasons().get(0).code());
        detail.put("failureCause", String.valueOf(failureCause));
        return detail;
    }

    /** Gives the privacy budget back: the job never read data. */
    public void refund() {
        epsilonMicros = 0;
        deltaPicos = 0;
        refunded = true;
    }

    public PrivacyCost cost() {
        return new PrivacyCost(epsilonMicros, deltaPicos);
    }

    /** The job whose stored result this job serves: itself, or the earlier run of the same statement. */
    public UUID resultOwner() {
        return reusedFrom != null ? reusedFrom : id;
    }

    /**
     * Whether the job's outcome is still hidden from its requester at {@code now}: its slot has not ended. A job the
     * requester cancelled shows as cancelled (the requester did that); every other state waits for the slot's end.
     */
    public boolean hiddenAt(OffsetDateTime now) {
        return visibleAt != null && now.isBefore(visibleAt) && state != JobState.CANCELLED;
    }

    /**
     * The state its requester sees at {@code now}: before the slot's end, ADMITTED until the slot begins and RUNNING
     * after — times fixed at admission from the statement and the tables' sizes, whatever the run does; then the state.
     */
    public JobState visibleState(OffsetDateTime now) {
        if (!hiddenAt(now)) {
            return state;
        }
        return slotStart != null && now.isBefore(slotStart) ? JobState.ADMITTED : JobState.RUNNING;
    }

    /**
     * Until when its requester may download the result: the retention counted from the slot's start, not from the
     * run's end (the runner keeps it at least that long), so that the expiry tells nothing of when the run ended.
     */
    public OffsetDateTime requesterExpiry() {
        if (expiresAt == null || finishedAt == null || slotStart == null) {
            return expiresAt;
        }
        return slotStart.plus(java.time.Duration.between(finishedAt, expiresAt));
    }

    /** How long its run may take from {@code now}: until its slot's end less the margin the outcome needs to be recorded. */
    public long runMillisLeft(OffsetDateTime now) {
        if (visibleAt == null) {
            return 0; // a job from before slots: the runner's own limit
        }
        long margin = controls == null || controls.timing() == null ? 0 : controls.timing().margin_ms();
        return Duration.between(now, visibleAt).toMillis() - margin;
    }

    /**
     * The job as {@code reader} may see it: the bureau everything; the requester, before the result is released,
     * nothing computed from the data (no summary, no start or end), and never the real timing of the run — the state
     * it sees changes at the slot's start and end only ({@link #visibleState}), once released its start and end are
     * the slot's, and the
     * cause of a failure and the count of suppressed groups are never shown. {@code now}: the moment of the answer.
     */
    public JobView toView(boolean bureau, PrivacyBudget budget, OffsetDateTime now) {
        return toView(bureau, budget, now, List.of(), List.of());
    }

    /** The view, with the further licenses whose datasets the job joins ({@link JoinedRead}, a clean room). */
    public JobView toView(boolean bureau, PrivacyBudget budget, OffsetDateTime now, List<UUID> joinedLicenseIds,
                          List<UUID> tableIds) {
        if (bureau) {
            boolean hasSummary = summary != null;
            return new JobView(id, licenseId, organization, submittedBy, templateId, state, sqlSha256, sql,
                    grade == null ? null : grade.name(), cost().epsilon(), cost().delta(), budget, reusedFrom,
                    hasSummary ? ResultSummary.of(summary, true) : null, releaseReasons.reasons(), reviewedBy, reviewNote,
                    failure, failureCause, createdAt, startedAt, finishedAt, expiresAt, visibleAt, version, joinedLicenseIds, tableIds, List.of());
        }
        JobState shown = visibleState(now);
        boolean hidden = hiddenAt(now);
        boolean released = shown == JobState.RELEASED;
        return new JobView(id, licenseId, organization, submittedBy, templateId, shown, sqlSha256, sql,
                grade == null ? null : grade.name(), cost().epsilon(), cost().delta(), budget, reusedFrom,
                summary == null || !released ? null : ResultSummary.of(summary, false,
                        requesterExpiry() == null ? null : requesterExpiry().toInstant()),
                hidden ? List.of() : releaseReasons.reasons(), hidden ? null : reviewedBy, hidden ? null : reviewNote,
                hidden ? null : failure, null, createdAt,
                released ? (slotStart != null ? slotStart : startedAt) : null,
                released ? (visibleAt != null ? visibleAt : finishedAt) : null,
                released ? requesterExpiry() : null, visibleAt, 0, joinedLicenseIds, tableIds, List.of());
    }
}
